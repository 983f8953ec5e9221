package io.emporium.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.emporium.events.cart.CartCheckedOut;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A producer validates what it sends with the schemas its consumers decode with, so an event no
 * consumer could ever handle fails where it is made (the request, the handler) instead of
 * dead-lettering at every consumer. The schemas carry the API's limits: no control characters, the
 * same maximum lengths.
 */
class ProducerValidationContractTests {

  private static final ShippingAddress ADDRESS =
      new ShippingAddress("Ada Lovelace", "12 Analytical Row", null, "London", "N1 9GU", "GB");

  private final EventCodec codec = new EventCodec();

  private static CartCheckedOut checkout(String email, ShippingAddress address, String token) {
    Money price = new Money(1250, "EUR");
    return new CartCheckedOut(
        "checkout-1",
        "cart-1",
        new Customer("customer-1", email),
        List.of(new LineItem("MUG-1", "Mug", 2, price)),
        price.times(2),
        address,
        token,
        EventIds.next().toString());
  }

  private InvalidEventException encodeBroken(CartCheckedOut event) {
    return catchThrowableOfType(
        InvalidEventException.class, () -> codec.encode(EventEnvelope.of(event)));
  }

  @Test
  void encodesAValidEventThatDecodesBack() {
    var envelope = EventEnvelope.of(checkout("ada@example.com", ADDRESS, "tok_visa"));

    assertThat(codec.decode(codec.encode(envelope)).data()).isEqualTo(envelope.data());
  }

  @Test
  void refusesAnEmailTheConsumersValidatorRejects() {
    var error = encodeBroken(checkout("ada at example.com", ADDRESS, "tok_visa"));

    assertThat(error).hasMessageContaining("$.data.customer.email");
    assertThat(error.violations()).anySatisfy(v -> assertThat(v).contains("customer.email"));
  }

  @Test
  void refusesANulInAnAddressLine() {
    var address = new ShippingAddress("Ada", "12 Road\u0000", null, "London", "N1", "GB");

    assertThat(encodeBroken(checkout("ada@example.com", address, "tok_visa")))
        .hasMessageContaining("$.data.shippingAddress.line1");
  }

  @Test
  void refusesAControlCharacterInThePaymentToken() {
    assertThat(encodeBroken(checkout("ada@example.com", ADDRESS, "tok\u0007visa")))
        .hasMessageContaining("$.data.paymentMethodToken");
  }

  @Test
  void refusesTextLongerThanTheApiAccepts() {
    var address = new ShippingAddress("A".repeat(201), "1 Road", null, "London", "N1", "GB");

    assertThat(encodeBroken(checkout("ada@example.com", address, "tok_visa")))
        .hasMessageContaining("$.data.shippingAddress.name");
  }

  @Test
  void acceptsTheLongestTextTheApiAccepts() {
    var address =
        new ShippingAddress(
            "N".repeat(200),
            "L".repeat(200),
            "M".repeat(200),
            "C".repeat(100),
            "P".repeat(20),
            "GB");

    assertThatCode(
            () ->
                codec.encode(
                    EventEnvelope.of(checkout("ada@example.com", address, "t".repeat(256)))))
        .doesNotThrowAnyException();
  }
}
