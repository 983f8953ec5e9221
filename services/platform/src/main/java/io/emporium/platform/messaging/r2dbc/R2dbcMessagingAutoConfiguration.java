package io.emporium.platform.messaging.r2dbc;

import io.emporium.events.EventCodec;
import io.emporium.platform.messaging.MessagingAutoConfiguration;
import io.emporium.platform.messaging.MessagingProperties;
import io.emporium.platform.messaging.SnsBatchPublisher;
import io.emporium.platform.messaging.TopicArns;
import io.emporium.platform.messaging.inbox.FailureLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The outbox, its relay, idempotent consumption and the failure log for a service on PostgreSQL
 * (R2DBC). The platform's tables come with Flyway from {@code classpath:db/platform}.
 */
@AutoConfiguration(
    after = MessagingAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration",
      "org.springframework.boot.autoconfigure.r2dbc.R2dbcTransactionManagerAutoConfiguration",
      "org.springframework.boot.autoconfigure.data.r2dbc.R2dbcDataAutoConfiguration"
    })
@ConditionalOnClass({DatabaseClient.class, ConnectionFactory.class})
@ConditionalOnBean({MessagingProperties.class, ConnectionFactory.class})
public class R2dbcMessagingAutoConfiguration {

  @Bean
  R2dbcOutbox r2dbcOutbox(DatabaseClient db, EventCodec codec) {
    return new R2dbcOutbox(db, codec);
  }

  @Bean
  R2dbcProcessedEvents r2dbcProcessedEvents(
      DatabaseClient db, ReactiveTransactionManager transactions, MeterRegistry meters) {
    return new R2dbcProcessedEvents(db, TransactionalOperator.create(transactions), meters);
  }

  @Bean
  FailureLog r2dbcFailureLog(DatabaseClient db) {
    return new R2dbcFailureLog(db);
  }

  @Bean
  @ConditionalOnProperty(value = "emporium.messaging.relay.enabled", matchIfMissing = true)
  OutboxRelay outboxRelay(
      DatabaseClient db,
      SnsBatchPublisher publisher,
      TopicArns topics,
      ReactiveTransactionManager transactions,
      MessagingProperties properties,
      MeterRegistry meters) {
    return new OutboxRelay(
        new OutboxTable(db),
        publisher,
        topics,
        TransactionalOperator.create(transactions),
        properties.relay(),
        new OutboxMetrics(meters));
  }

  /** Adds the platform's migrations to the service's own. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(FluentConfiguration.class)
  static class PlatformMigrations {

    @Bean
    FlywayConfigurationCustomizer platformMigrationLocation() {
      return configuration -> {
        var locations = new java.util.ArrayList<>(java.util.List.of(configuration.getLocations()));
        locations.add(new org.flywaydb.core.api.Location("classpath:db/platform"));
        configuration.locations(locations.toArray(org.flywaydb.core.api.Location[]::new));
      };
    }
  }
}
