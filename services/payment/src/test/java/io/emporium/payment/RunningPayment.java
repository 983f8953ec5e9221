package io.emporium.payment;

import io.emporium.platform.testing.AwsEmulator;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.TestEnvironment;
import io.emporium.platform.testing.TestPaymentProvider;
import io.emporium.platform.testing.TestPostgres;
import io.emporium.platform.testing.TestUsers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The payment service started and stopped by a test, as a process would be (a restart is a stop and
 * a new start on the same database and queues), against the test JVM's emulator and PostgreSQL.
 */
public final class RunningPayment implements AutoCloseable {

  private final Map<String, Object> properties;

  private ConfigurableApplicationContext context;

  private RunningPayment(Map<String, Object> properties) {
    this.properties = properties;
  }

  /** A fresh database {@code database}; nothing started yet. */
  public static RunningPayment on(String database) {
    TestPostgres postgres = TestEnvironment.postgres();
    postgres.recreateDatabase(database);
    AwsEmulator aws = TestEnvironment.aws();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("spring.cloud.aws.endpoint", aws.endpoint().toString());
    properties.put("spring.cloud.aws.region.static", aws.clients().region().id());
    properties.put("spring.cloud.aws.credentials.access-key", aws.clients().accessKey());
    properties.put("spring.cloud.aws.credentials.secret-key", aws.clients().secretKey());
    properties.put("emporium.messaging.env", EmulatedInfrastructure.ENV);
    properties.put("emporium.messaging.relay.poll-interval", "50ms");
    properties.put("emporium.messaging.listener.initial-backoff-seconds", "1");
    properties.put("spring.r2dbc.url", postgres.r2dbcUrl(database));
    properties.put("spring.r2dbc.username", postgres.user());
    properties.put("spring.r2dbc.password", postgres.password());
    properties.put("spring.flyway.url", postgres.jdbcUrl(database));
    properties.put("spring.flyway.user", postgres.user());
    properties.put("spring.flyway.password", postgres.password());
    TestPaymentProvider psp = TestPaymentProvider.shared();
    properties.put("emporium.payment.provider.base-url", psp.baseUrl() + "/api/psp/v1");
    properties.put("emporium.payment.provider.api-key", psp.apiKey());
    properties.putAll(TestUsers.pool().properties());
    return new RunningPayment(properties);
  }

  /** These settings with {@code key=value} added (a command-line argument). */
  public RunningPayment with(String key, Object value) {
    properties.put(key, value);
    return this;
  }

  public RunningPayment start() {
    // As command-line arguments: they win over application.yml, as a deployment's settings do.
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    context = new SpringApplicationBuilder(PaymentApplication.class).run(args);
    return this;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Stops it as a shutdown would: listeners stop, nothing in flight is acknowledged. */
  public void stop() {
    if (context != null) {
      context.close();
      context = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
