package io.emporium.cart.carts;

import io.emporium.events.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/cart/checkout}. No email: the order's mail goes to the account's (an
 * {@code email} member a client still sends is ignored).
 */
record CheckoutRequest(
    @NotNull @Valid Address shippingAddress, @NotBlank @Size(max = 256) String paymentMethodToken) {

  record Address(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 200) String line1,
      @Size(max = 200) String line2,
      @NotBlank @Size(max = 100) String city,
      @NotBlank @Size(max = 20) String postalCode,
      @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
          String country) {

    ShippingAddress toShippingAddress() {
      return new ShippingAddress(name, line1, line2, city, postalCode, country);
    }
  }
}
