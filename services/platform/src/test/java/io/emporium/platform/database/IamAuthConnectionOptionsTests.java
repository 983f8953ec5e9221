package io.emporium.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;

class IamAuthConnectionOptionsTests {

  private final CountingRdsUtilities rds = new CountingRdsUtilities("signed-token");
  private final IamAuthConnectionOptions customizer =
      new IamAuthConnectionOptions(new IamAuthTokens(rds));

  @Test
  void passwordIsAPublisherThatSignsATokenPerSubscription() {
    var options = customized("r2dbc:postgresql://aurora.example:6543/catalog", "catalog");

    Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
    assertThat(password).isInstanceOf(Publisher.class);
    assertThat(rds.calls()).as("no token before a connection asks for one").isZero();
    @SuppressWarnings("unchecked")
    var tokens = (Publisher<CharSequence>) password;
    StepVerifier.create(tokens).expectNext("signed-token").verifyComplete();
    StepVerifier.create(tokens).expectNext("signed-token").verifyComplete();
    assertThat(rds.calls()).isEqualTo(2);
    assertThat(rds.requests)
        .allSatisfy(
            request -> {
              assertThat(request.hostname()).isEqualTo("aurora.example");
              assertThat(request.port()).isEqualTo(6543);
              assertThat(request.username()).isEqualTo("catalog");
            });
  }

  @Test
  void replacesAConfiguredPasswordAndRequiresSsl() {
    var builder =
        ConnectionFactoryOptions.parse("r2dbc:postgresql://aurora.example/order?sslMode=prefer")
            .mutate()
            .option(ConnectionFactoryOptions.USER, "order")
            .option(ConnectionFactoryOptions.PASSWORD, "static");

    customizer.customize(builder);
    var options = builder.build();

    assertThat(options.getValue(ConnectionFactoryOptions.PASSWORD)).isInstanceOf(Publisher.class);
    assertThat(options.getValue(PostgresqlConnectionFactoryProvider.SSL_MODE))
        .isEqualTo(SSLMode.REQUIRE);
    StepVerifier.create((Publisher<?>) options.getValue(ConnectionFactoryOptions.PASSWORD))
        .expectNextCount(1)
        .verifyComplete();
    assertThat(rds.requests.getFirst().port()).isEqualTo(5432);
  }

  @Test
  void keepsAnSslModeThatVerifiesTheServer() {
    var options =
        customized("r2dbc:postgresql://aurora.example/order?sslMode=verify-full", "order");

    assertThat(options.getValue(PostgresqlConnectionFactoryProvider.SSL_MODE).toString())
        .isEqualTo("verify-full");
  }

  private ConnectionFactoryOptions customized(String url, String user) {
    var builder =
        ConnectionFactoryOptions.parse(url).mutate().option(ConnectionFactoryOptions.USER, user);
    customizer.customize(builder);
    return builder.build();
  }
}
