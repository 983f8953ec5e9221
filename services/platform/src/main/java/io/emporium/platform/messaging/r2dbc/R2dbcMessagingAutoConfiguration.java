package io.emporium.platform.messaging.r2dbc;

import io.emporium.events.EventCodec;
import io.emporium.platform.messaging.MessagingAutoConfiguration;
import io.emporium.platform.messaging.MessagingProperties;
import io.emporium.platform.messaging.inbox.FailureLog;
import io.emporium.platform.messaging.outbox.OutboxDeadLetters;
import io.emporium.platform.messaging.outbox.OutboxStore;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import io.r2dbc.spi.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The store adapter for a service on PostgreSQL (R2DBC): the outbox table and its appends, the
 * processed events and the failure log. The platform's tables come with Flyway from {@code
 * classpath:db/platform}.
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
  R2dbcOutbox r2dbcOutbox(DatabaseClient db, EventCodec codec, RelayWakeUp wakeUp) {
    return new R2dbcOutbox(db, codec, wakeUp);
  }

  @Bean
  OutboxStore r2dbcOutboxStore(DatabaseClient db, ReactiveTransactionManager transactions) {
    return new R2dbcOutboxStore(db, TransactionalOperator.create(transactions));
  }

  @Bean
  OutboxDeadLetters r2dbcOutboxDeadLetters(DatabaseClient db, RelayWakeUp wakeUp) {
    return new R2dbcOutboxDeadLetters(db, wakeUp);
  }

  @Bean
  R2dbcProcessedEvents r2dbcProcessedEvents(
      DatabaseClient db, ReactiveTransactionManager transactions) {
    return new R2dbcProcessedEvents(db, TransactionalOperator.create(transactions));
  }

  @Bean
  FailureLog r2dbcFailureLog(DatabaseClient db) {
    return new R2dbcFailureLog(db);
  }

  /** Adds the platform's migrations to the service's own. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(FluentConfiguration.class)
  static class PlatformMigrations {

    @Bean
    FlywayConfigurationCustomizer platformMigrationLocation() {
      return configuration -> {
        var locations = new ArrayList<>(List.of(configuration.getLocations()));
        locations.add(new Location("classpath:db/platform"));
        configuration.locations(locations.toArray(Location[]::new));
      };
    }
  }
}
