package io.emporium.order;

import io.emporium.events.Customer;
import io.emporium.events.DomainEvent;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.EventTypes;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.StockLine;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.catalog.ShortLine;
import io.emporium.events.catalog.StockRejected;
import io.emporium.events.catalog.StockReserved;
import io.emporium.events.payment.PaymentAuthorized;
import io.emporium.events.payment.PaymentDeclined;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.TestEnvironment;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** Publishes what the other services would: to the producer's topic, with the type attribute. */
public final class Upstream {

  private static final Topology TOPOLOGY = Topology.load();
  private final EventCodec codec = new EventCodec();
  private final SnsClient sns = TestEnvironment.aws().clients().sns();

  public EventEnvelope publish(DomainEvent event) {
    return publish(EventEnvelope.of(event));
  }

  public EventEnvelope publish(EventEnvelope envelope) {
    String topic =
        TOPOLOGY.topicName(EmulatedInfrastructure.ENV, EventTypes.producerOf(envelope.type()));
    String arn = sns.createTopic(b -> b.name(topic)).topicArn();
    sns.publish(
        b ->
            b.topicArn(arn)
                .message(codec.encode(envelope))
                .messageAttributes(
                    Map.of(
                        "type",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(envelope.type())
                            .build())));
    return envelope;
  }

  public static CartCheckedOut checkout(String checkoutId, String customerId) {
    return new CartCheckedOut(
        checkoutId,
        "cart-" + checkoutId,
        new Customer(customerId, customerId + "@example.com"),
        List.of(
            new LineItem("MUG-1", "Mug", 2, new Money(1250, "EUR")),
            new LineItem("TEE-1", "T-shirt", 1, new Money(2000, "EUR"))),
        new Money(4500, "EUR"),
        new ShippingAddress("Ada", "1 Main St", null, "Dublin", "D01", "IE"),
        "tok_visa");
  }

  public static StockReserved stockReserved(String orderId) {
    return new StockReserved(
        orderId, List.of(new StockLine("MUG-1", 2), new StockLine("TEE-1", 1)));
  }

  public static StockRejected stockRejected(String orderId) {
    return new StockRejected(orderId, List.of(new ShortLine("TEE-1", 1, 0)));
  }

  public static PaymentAuthorized paymentAuthorized(String orderId) {
    return new PaymentAuthorized(
        "pay-" + orderId, orderId, new Money(4500, "EUR"), "auth-" + orderId.substring(0, 8));
  }

  public static PaymentDeclined paymentDeclined(String orderId) {
    return new PaymentDeclined(
        "pay-" + orderId, orderId, new Money(4500, "EUR"), "card_declined", "Declined");
  }
}
