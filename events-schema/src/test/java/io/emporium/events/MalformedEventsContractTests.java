package io.emporium.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emporium.events.order.OrderCancelled;
import java.io.IOException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Decoding rejects what can never be handled with a {@link MalformedEventException} naming the
 * problem and the event id, and tolerates what a newer producer may add.
 */
class MalformedEventsContractTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORDER_PLACED = "order.OrderPlaced.v1";
  private static final String CART_CHECKED_OUT = "cart.CartCheckedOut.v1";

  private final EventCodec codec = new EventCodec();

  @Test
  void rejectsMissingRequiredField() throws IOException {
    var error = decodeBroken(ORDER_PLACED, e -> data(e).remove("orderId"));

    assertThat(error).hasMessageContaining("$.data").hasMessageContaining("orderId");
    assertThat(error.eventId()).isEqualTo(idOf(ORDER_PLACED));
  }

  @Test
  void rejectsNegativeAmount() throws IOException {
    var error = decodeBroken(ORDER_PLACED, e -> money(e).put("amountMinor", -1));

    assertThat(error).hasMessageContaining("$.data.total.amountMinor").hasMessageContaining("0");
    assertThat(error.eventId()).isEqualTo(idOf(ORDER_PLACED));
  }

  @Test
  void rejectsFieldOfWrongType() throws IOException {
    var error =
        decodeBroken(
            ORDER_PLACED, e -> ((ObjectNode) data(e).get("lines").get(0)).put("quantity", "two"));

    assertThat(error)
        .hasMessageContaining("$.data.lines[0].quantity")
        .hasMessageContaining("integer");
  }

  @Test
  void rejectsBadCurrency() throws IOException {
    var error = decodeBroken(ORDER_PLACED, e -> money(e).put("currency", "eur"));

    assertThat(error).hasMessageContaining("$.data.total.currency");
  }

  @Test
  void rejectsUnknownEnumValue() throws IOException {
    var error = decodeBroken("order.OrderCancelled.v1", e -> data(e).put("reason", "LOST_PARCEL"));

    assertThat(error).hasMessageContaining("$.data.reason");
  }

  @Test
  void rejectsEnvelopeWithoutTime() throws IOException {
    var error = decodeBroken(ORDER_PLACED, e -> e.remove("time"));

    assertThat(error).hasMessageContaining("time");
    assertThat(error.eventId()).isEqualTo(idOf(ORDER_PLACED));
  }

  @Test
  void rejectsIdThatIsNotAUuid() throws IOException {
    var error = decodeBroken(ORDER_PLACED, e -> e.put("id", "order-1"));

    assertThat(error).hasMessageContaining("$.id");
    assertThat(error.eventId()).isEqualTo("order-1");
  }

  @Test
  void rejectsUnknownType() throws IOException {
    var error = decodeBroken(ORDER_PLACED, e -> e.put("type", "order.OrderShipped.v1"));

    assertThat(error).hasMessageContaining("unknown event type 'order.OrderShipped.v1'");
    assertThat(error.eventId()).isEqualTo(idOf(ORDER_PLACED));
  }

  @Test
  void rejectsBodyThatIsNotJson() {
    var error = catchThrowableOfType(MalformedEventException.class, () -> codec.decode("<xml/>"));

    assertThat(error).hasMessageContaining("not JSON");
    assertThat(error.eventId()).isEqualTo("unknown");
  }

  @Test
  void rejectsJsonThatIsNotAnObject() {
    var error = catchThrowableOfType(MalformedEventException.class, () -> codec.decode("[1,2]"));

    assertThat(error).hasMessageContaining("not a JSON object");
  }

  @Test
  void acceptsAnyEmailTheIdentityProviderAccepts() throws IOException {
    for (String email : new String[] {"shopper@emporium.local", "o'brien+shop@mail.intranet"}) {
      ObjectNode envelope = fixture(CART_CHECKED_OUT);
      customer(envelope).put("email", email);

      EventEnvelope decoded = codec.decode(envelope.toString());

      assertThat(decoded.id().toString()).isEqualTo(idOf(CART_CHECKED_OUT));
    }
  }

  @Test
  void rejectsEmailThatIsNoAddress() throws IOException {
    for (String email : new String[] {"shopper", "shop per@example.com", "a@b\0c", "@x"}) {
      var error = decodeBroken(CART_CHECKED_OUT, e -> customer(e).put("email", email));

      assertThat(error).as(email).hasMessageContaining("$.data.customer.email");
    }
  }

  @Test
  void toleratesFieldsAddedByANewerProducer() throws IOException {
    ObjectNode envelope = fixture(ORDER_PLACED);
    data(envelope).put("giftWrap", true);
    envelope.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    EventEnvelope decoded = codec.decode(envelope.toString());

    assertThat(decoded.data()).isEqualTo(EventFixtures.envelope(ORDER_PLACED).data());
  }

  @Test
  void leavesAbsentOptionalFieldOutWhenEncoding() throws IOException {
    ObjectNode envelope = fixture("order.OrderCancelled.v1");
    data(envelope).remove("detail");

    EventEnvelope decoded = codec.decode(envelope.toString());

    assertThat(decoded.dataAs(OrderCancelled.class).detail()).isNull();
    assertThat(JSON.readTree(codec.encode(decoded))).isEqualTo(envelope);
  }

  private MalformedEventException decodeBroken(String type, Consumer<ObjectNode> breakIt)
      throws IOException {
    ObjectNode envelope = fixture(type);
    breakIt.accept(envelope);
    return catchThrowableOfType(
        MalformedEventException.class, () -> codec.decode(envelope.toString()));
  }

  private static ObjectNode fixture(String type) throws IOException {
    return (ObjectNode) JSON.readTree(EventFixtures.json(type));
  }

  private static String idOf(String type) throws IOException {
    return fixture(type).get("id").asText();
  }

  private static ObjectNode data(ObjectNode envelope) {
    return (ObjectNode) envelope.get("data");
  }

  private static ObjectNode customer(ObjectNode envelope) {
    return (ObjectNode) data(envelope).get("customer");
  }

  private static ObjectNode money(ObjectNode envelope) {
    return (ObjectNode) data(envelope).get("total");
  }
}
