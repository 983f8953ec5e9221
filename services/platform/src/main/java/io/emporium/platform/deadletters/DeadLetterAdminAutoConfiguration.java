package io.emporium.platform.deadletters;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.emporium.events.dataschema.DataSchema;
import io.emporium.events.topology.Topology;
import io.emporium.platform.identity.AccessRules;
import io.emporium.platform.messaging.MessagingProperties;
import io.emporium.platform.messaging.inbox.FailureLog;
import io.emporium.platform.messaging.outbox.OutboxDeadLetters;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every consuming service's admin API for its own messages ({@code
 * /api/<service>/admin/messages/**}, admins only): the failure reasons its consumers recorded, and
 * list, show, replay, purge and audit of its own DLQs (ADR 0017), and the list and replay of its
 * outbox's dead letters ({@code /admin/messages/outbox/dead-letters}, ADR 0021).
 */
@AutoConfiguration(
    afterName = {
      "io.emporium.platform.messaging.MessagingAutoConfiguration",
      "io.emporium.platform.messaging.r2dbc.R2dbcMessagingAutoConfiguration",
      "io.emporium.platform.messaging.dynamodb.DynamoDbMessagingAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean({MessagingProperties.class, Topology.class, DataSchema.class})
public class DeadLetterAdminAutoConfiguration {

  /** Every service's admin paths for its messages and the test-only fault switch. */
  static final String ADMIN_PATHS = "/api/*/admin/messages/**";

  /** The admin API is for the admins group only (ADR 0017; io.emporium.platform.identity). */
  @Bean
  AccessRules deadLetterAdminAccess() {
    return new AccessRules(List.of(), List.of()).withAdmins(ADMIN_PATHS);
  }

  /** Where every replay and purge of this service's dead letters is recorded. */
  @Bean
  DynamoDbAuditLog deadLetterAuditLog(
      AwsClientBuilderConfigurer configurer, DataSchema schema, MessagingProperties properties) {
    DynamoDbClient dynamo = configurer.configure(DynamoDbClient.builder()).build();
    return new DynamoDbAuditLog(dynamo, schema.deadLetterAudit(properties.env()));
  }

  @Bean
  DeadLetterAdminController deadLetterAdminController(
      AwsClientBuilderConfigurer configurer,
      Topology topology,
      MessagingProperties properties,
      FailureLog failures,
      DynamoDbAuditLog audit) {
    SqsClient sqs = configurer.configure(SqsClient.builder()).build();
    Clock clock = Clock.systemUTC();
    var deadLetters =
        new DeadLetters(
            sqs,
            new QueueDirectory(sqs, topology, properties.env(), clock),
            audit,
            clock,
            DeadLetters.VISIBILITY);
    return new DeadLetterAdminController(
        deadLetters, failures, topology, properties.env(), properties.service());
  }

  /** The dead letters of the service's outbox, when it has one (ADR 0021). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(OutboxDeadLetters.class)
  static class OnOutbox {
    @Bean
    OutboxDeadLetterController outboxDeadLetterController(
        OutboxDeadLetters deadLetters, DynamoDbAuditLog audit, MessagingProperties properties) {
      return new OutboxDeadLetterController(
          new OutboxLetters(deadLetters, audit, properties.service(), Clock.systemUTC()));
    }
  }
}
