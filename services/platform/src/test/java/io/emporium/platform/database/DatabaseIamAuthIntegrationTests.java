package io.emporium.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Against a real PostgreSQL that accepts {@code iam_user} only over SSL and with the right
 * password: the token stands in for the password, handed out by a counting RDS stand-in.
 */
class DatabaseIamAuthIntegrationTests {

  private static final String TOKEN = "token-standing-in-for-a-signed-one";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static PasswordPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PasswordPostgres.start(TOKEN);
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  private static ApplicationContextRunner service(CountingRdsUtilities rds) {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DatabaseIamAuthAutoConfiguration.class,
                R2dbcAutoConfiguration.class,
                FlywayAutoConfiguration.class))
        .withBean(IamAuthTokens.class, () -> new IamAuthTokens(rds))
        .withPropertyValues(
            "emporium.database.iam-auth=true",
            "spring.r2dbc.url=" + postgres.r2dbcUrl(),
            "spring.r2dbc.username=" + PasswordPostgres.USER,
            "spring.r2dbc.pool.initial-size=1",
            "spring.r2dbc.pool.max-size=2",
            "spring.flyway.url=" + postgres.jdbcUrl(),
            "spring.flyway.user=" + PasswordPostgres.USER,
            "spring.flyway.locations=classpath:db/platform-test");
  }

  @Test
  void everyNewConnectionLogsInWithItsOwnTokenOverSsl() {
    var rds = new CountingRdsUtilities(TOKEN);
    service(rds)
        .run(
            started -> {
              assertThat(started).hasNotFailed();
              int afterMigrations = rds.calls();
              assertThat(afterMigrations).as("Flyway signs one token at startup").isEqualTo(1);
              ConnectionFactory connections = started.getBean(ConnectionFactory.class);

              Connection first = Mono.from(connections.create()).block(TIMEOUT);
              Connection second = Mono.from(connections.create()).block(TIMEOUT);
              try {
                assertThat(rds.calls() - afterMigrations).isEqualTo(2);
                assertThat(sessionOf(first)).isEqualTo(PasswordPostgres.USER + " ssl=true");
                assertThat(sessionOf(second)).isEqualTo(PasswordPostgres.USER + " ssl=true");
                assertThat(rds.requests)
                    .allSatisfy(
                        request -> {
                          assertThat(request.hostname()).isEqualTo("127.0.0.1");
                          assertThat(request.port()).isEqualTo(postgres.port());
                          assertThat(request.username()).isEqualTo(PasswordPostgres.USER);
                        });
              } finally {
                Mono.from(first.close()).block(TIMEOUT);
                Mono.from(second.close()).block(TIMEOUT);
              }
            });
  }

  @Test
  void aWrongTokenIsRefused() {
    var rds = new CountingRdsUtilities("not-the-token");
    service(rds)
        .withPropertyValues("spring.flyway.enabled=false")
        .run(
            started -> {
              ConnectionFactory connections = started.getBean(ConnectionFactory.class);
              assertThatThrownBy(() -> Mono.from(connections.create()).block(TIMEOUT))
                  .hasStackTraceContaining("password authentication failed");
              assertThat(rds.calls()).isPositive();
            });
  }

  private static String sessionOf(Connection connection) {
    return Flux.from(
            connection
                .createStatement(
                    "SELECT current_user || ' ssl=' || ssl FROM pg_stat_ssl"
                        + " WHERE pid = pg_backend_pid()")
                .execute())
        .flatMap(result -> result.map(row -> row.get(0, String.class)))
        .single()
        .block(TIMEOUT);
  }
}
