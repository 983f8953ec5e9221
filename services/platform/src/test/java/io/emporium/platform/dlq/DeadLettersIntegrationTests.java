package io.emporium.platform.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.Customer;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.Money;
import io.emporium.events.payment.PaymentRefunded;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.TestEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

@ExtendWith(EmulatedInfrastructure.class)
class DeadLettersIntegrationTests {

  private final SqsClient sqs = TestEnvironment.aws().clients().sqs();
  private final DeadLetters deadLetters = new DeadLetters(sqs);
  private final QueueProbe probe = new QueueProbe(sqs);
  private final Subscription edge =
      Topology.load().subscription(EmulatedInfrastructure.ENV, "notification", "payment");

  @Test
  void listsDeadLettersWithoutRemovingThem() {
    var sent = deadLetter("pay-list");

    List<DeadLetter> listed = deadLetters.list(edge.queue(), 100);

    assertThat(listed)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.eventId()).isEqualTo(sent.id().toString());
              assertThat(d.type()).isEqualTo("payment.PaymentRefunded.v1");
              assertThat(d.subject()).isEqualTo("pay-list");
            });
    assertThat(deadLetters.list(edge.dlq(), 100)).hasSize(1);
  }

  @Test
  void replaysChosenMessagesThenAllBackToTheSourceQueueWithTheirAttributes() {
    deadLetter("pay-1");
    deadLetter("pay-2");
    deadLetter("pay-3");
    String chosen = deadLetters.list(edge.queue(), 100).get(0).messageId();

    List<DeadLetter> moved = new ArrayList<>();
    assertThat(deadLetters.replay(edge.queue(), Set.of(chosen), moved::add)).isEqualTo(1);
    assertThat(moved).extracting(DeadLetter::messageId).containsExactly(chosen);
    assertThat(deadLetters.list(edge.queue(), 100)).hasSize(2);

    assertThat(deadLetters.replay(edge.dlq(), Set.of(), moved::add)).isEqualTo(2);
    assertThat(deadLetters.list(edge.queue(), 100)).isEmpty();
    var back = probe.await(edge.queue(), 3, Duration.ofSeconds(10));
    assertThat(back).hasSize(3);
    assertThat(back)
        .allSatisfy(
            m ->
                assertThat(m.messageAttributes().get("type").stringValue())
                    .isEqualTo("payment.PaymentRefunded.v1"));
  }

  private EventEnvelope deadLetter(String paymentId) {
    var refunded =
        new PaymentRefunded(
            paymentId, "ord-1", new Customer("cust-1", "ada@example.com"), new Money(500, "EUR"));
    EventEnvelope envelope = EventEnvelope.of(refunded);
    sqs.sendMessage(
        b ->
            b.queueUrl(probe.url(edge.dlq()))
                .messageBody(new EventCodec().encode(envelope))
                .messageAttributes(
                    Map.of(
                        "type",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(envelope.type())
                            .build())));
    return envelope;
  }
}
