package io.emporium.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.emporium.events.EventEnvelope;
import io.emporium.platform.messaging.MessagingAutoConfiguration;
import io.emporium.platform.messaging.inbox.FailureLog;
import io.emporium.platform.messaging.inbox.InboundMessage;
import io.emporium.platform.messaging.outbox.OutboxAutoConfiguration;
import io.emporium.platform.messaging.outbox.OutboxRelay;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.TestEnvironment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(EmulatedInfrastructure.class)
class DynamoDbMessagingAutoConfigurationIntegrationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AwsAutoConfiguration.class,
                  CredentialsProviderAutoConfiguration.class,
                  RegionProviderAutoConfiguration.class,
                  MessagingAutoConfiguration.class,
                  DynamoDbMessagingAutoConfiguration.class,
                  OutboxAutoConfiguration.class))
          .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
          .withPropertyValues(
              "spring.cloud.aws.endpoint=" + TestEnvironment.aws().endpoint(),
              "spring.cloud.aws.region.static=us-east-1",
              "spring.cloud.aws.credentials.access-key=test",
              "spring.cloud.aws.credentials.secret-key=test",
              "emporium.messaging.service=cart",
              "emporium.messaging.env=" + EmulatedInfrastructure.ENV);

  @Test
  void wiresAServiceOnDynamoDbWhoseCommittedEventsAreRelayed() {
    var probe = QueueProbe.forTestEmulator();
    probe.drainUntilEmpty(CartOutboxFixture.ORDER_FROM_CART);

    runner
        .withPropertyValues("emporium.messaging.store=dynamodb")
        .run(
            context -> {
              assertThat(context).hasSingleBean(DynamoDbProcessedEvents.class);
              assertThat(context.getBean(OutboxRelay.class).isRunning()).isTrue();
              assertThat(context.getBean("outboxRelayHealthIndicator"))
                  .as("health outboxRelay: the relay's pulse")
                  .isSameAs(context.getBean(OutboxRelay.class).pulse());
              var outbox = context.getBean(DynamoDbOutbox.class);
              EventEnvelope sent = EventEnvelope.of(CartOutboxFixture.checkedOut("cart-9"));
              context
                  .getBean(DynamoDbAsyncClient.class)
                  .transactWriteItems(b -> b.transactItems(outbox.append(sent)))
                  .join();

              assertThat(
                      probe.awaitAtLeast(
                          CartOutboxFixture.ORDER_FROM_CART, 1, Duration.ofSeconds(30)))
                  .singleElement()
                  .satisfies(m -> assertThat(m.body()).contains(sent.id().toString()));
            });
  }

  @Test
  void recordsWhyAMessageFailedInTheInboxTable() {
    runner
        .withPropertyValues(
            "emporium.messaging.store=dynamodb", "emporium.messaging.relay.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(OutboxRelay.class);
              assertThat(context).doesNotHaveBean("outboxRelayHealthIndicator");
              var message =
                  new InboundMessage("m-1", "emporium-test-cart-from-order", 3, null, "{}");
              context.getBean(FailureLog.class).record(message, "e-1", null, "bad payload").block();

              var item =
                  context
                      .getBean(DynamoDbAsyncClient.class)
                      .getItem(
                          b ->
                              b.tableName("emporium-test-cart-inbox")
                                  .key(Map.of("pk", AttributeValue.fromS("FAILURE#m-1"))))
                      .join()
                      .item();
              assertThat(item.get("reason").s()).isEqualTo("bad payload");
              assertThat(item.get("receiveCount").n()).isEqualTo("3");
              assertThat(item.get("type").nul()).isTrue();
              assertThat(context.getBean(FailureLog.class).find("m-1").block())
                  .satisfies(
                      failure -> {
                        assertThat(failure.queue()).isEqualTo("emporium-test-cart-from-order");
                        assertThat(failure.eventId()).isEqualTo("e-1");
                        assertThat(failure.type()).isNull();
                        assertThat(failure.reason()).isEqualTo("bad payload");
                        assertThat(failure.receiveCount()).isEqualTo(3);
                        assertThat(failure.firstFailedAt()).isEqualTo(failure.lastFailedAt());
                      });
              assertThat(context.getBean(FailureLog.class).find("m-unknown").block()).isNull();
            });
  }

  @Test
  void staysOutOfServicesOnAnotherStore() {
    runner.run(context -> assertThat(context).doesNotHaveBean(DynamoDbOutbox.class));
  }
}
