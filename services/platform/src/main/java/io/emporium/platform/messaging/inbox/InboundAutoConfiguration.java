package io.emporium.platform.messaging.inbox;

import io.awspring.cloud.sqs.listener.errorhandler.AsyncErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.ExponentialBackoffErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.Jitter;
import io.emporium.events.EventCodec;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The listeners' side, once a store configuration (R2DBC or DynamoDB) has provided its {@link
 * ProcessedEvents} and the {@link FailureLog} it records reasons in: {@link InboundEvents}, the
 * queue names for {@code SqsListener}, and the visibility timeout a failed message gets before SQS
 * delivers it again (and, after maxReceiveCount, moves it to its DLQ): none for poison, a capped
 * exponential backoff for anything else ({@link RetrySplit}).
 */
@AutoConfiguration(
    afterName = {
      "io.emporium.platform.messaging.MessagingAutoConfiguration",
      "io.emporium.platform.messaging.r2dbc.R2dbcMessagingAutoConfiguration",
      "io.emporium.platform.messaging.dynamodb.DynamoDbMessagingAutoConfiguration",
      "io.emporium.platform.faults.FaultInjectionAutoConfiguration"
    })
@ConditionalOnBean({EventCodec.class, ProcessedEvents.class, FailureLog.class})
public class InboundAutoConfiguration {

  @Bean
  InboundEvents inboundEvents(
      EventCodec codec,
      ProcessedEvents processed,
      FailureLog failures,
      MeterRegistry meters,
      Topology topology,
      MessagingProperties properties,
      ObjectProvider<InboundFaults> faults) {
    var metrics =
        new InboundMetrics(
            meters,
            topology.subscriptionsOf(properties.env(), properties.service()),
            topology.queueDefaults().maxReceiveCount(),
            processed.name());
    return new InboundEvents(
        codec, processed, failures, metrics, faults.getIfAvailable(() -> InboundFaults.NONE));
  }

  @Bean
  EventQueues eventQueues(Topology topology, MessagingProperties properties) {
    return new EventQueues(topology, properties);
  }

  /**
   * The retry split (ADR 19): poison is visible again at once, so it uses up maxReceiveCount in
   * seconds and waits in its DLQ; any other failure becomes visible again after initial ×
   * multiplier^(receives-1) s, jittered, capped at {@code max-backoff-seconds}, so an outage of
   * minutes is ridden out.
   */
  @Bean
  @ConditionalOnMissingBean
  AsyncErrorHandler<Object> visibilityBackoffErrorHandler(MessagingProperties properties) {
    var listener = properties.listener();
    return new RetrySplit(
        ExponentialBackoffErrorHandler.builder()
            .initialVisibilityTimeoutSeconds(listener.initialBackoffSeconds())
            .multiplier(listener.multiplier())
            .maxVisibilityTimeoutSeconds(listener.maxBackoffSeconds())
            .jitter(Jitter.HALF)
            .build());
  }
}
