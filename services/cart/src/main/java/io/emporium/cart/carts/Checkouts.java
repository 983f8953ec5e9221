package io.emporium.cart.carts;

import io.emporium.cart.account.AccountEmails;
import io.emporium.cart.catalog.CatalogClient;
import io.emporium.cart.config.CartProperties;
import io.emporium.events.Customer;
import io.emporium.events.EventIds;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.platform.messaging.dynamodb.DynamoDbOutbox;
import io.emporium.platform.web.ConflictException;
import io.emporium.platform.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Checkout: re-price the lines against the catalog (a change is written to the snapshot and
 * answered with 409 for the shopper to confirm), mint the order's id, then ONE TransactWriteItems
 * locks the cart, records the checkout and appends CartCheckedOut to the outbox. The same
 * Idempotency-Key answers the same body (the same order id) again and publishes nothing.
 */
@Component
class Checkouts {

  private final DynamoDbCartStore carts;
  private final DynamoDbCheckouts checkouts;
  private final CatalogClient catalog;
  private final AccountEmails emails;
  private final DynamoDbOutbox outbox;
  private final CartProperties properties;
  private final MeterRegistry meters;

  Checkouts(
      DynamoDbCartStore carts,
      DynamoDbCheckouts checkouts,
      CatalogClient catalog,
      AccountEmails emails,
      DynamoDbOutbox outbox,
      CartProperties properties,
      MeterRegistry meters) {
    this.carts = carts;
    this.checkouts = checkouts;
    this.catalog = catalog;
    this.emails = emails;
    this.outbox = outbox;
    this.properties = properties;
    this.meters = meters;
  }

  /**
   * Checks out the cart of the shopper whose {@code accessToken} this is; the order's email is the
   * account's, asked of Cognito only when an order is really placed (not on a replay).
   */
  Mono<Checkout> checkout(
      String customerId, String accessToken, String idempotencyKey, CheckoutRequest request) {
    String checkoutId = CheckoutIds.of(customerId, idempotencyKey);
    return carts
        .find(customerId)
        .defaultIfEmpty(Cart.empty(customerId, properties.currency()))
        .flatMap(
            cart ->
                switch (CartRules.checkout(cart, checkoutId)) {
                  case Verdict.SameCheckout same ->
                      checkouts
                          .find(checkoutId)
                          .defaultIfEmpty(
                              new Checkout(checkoutId, cart.cartId(), null, CartStatus.CHECKED_OUT))
                          .flatMap(this::replayed);
                  case Verdict.Refusal refusal -> // unless the key was used on an older cart
                      checkouts
                          .find(checkoutId)
                          .flatMap(this::replayed)
                          .switchIfEmpty(Mono.error(refusal::problem));
                  case Verdict.Allowed allowed ->
                      reprice(cart)
                          .then(emails.of(accessToken))
                          .flatMap(email -> place(cart, checkoutId, request, email));
                });
  }

  /** One catalog request for every line; a changed or vanished product is a 409 to confirm. */
  private Mono<Void> reprice(Cart cart) {
    return catalog
        .products(cart.skus())
        .map(
            products ->
                cart.lines().stream()
                    .flatMap(
                        line ->
                            PriceChange.of(line, Optional.ofNullable(products.get(line.sku())))
                                .stream())
                    .toList())
        .flatMap(
            changes ->
                changes.isEmpty()
                    ? Mono.empty()
                    : checkouts
                        .reprice(cart, changes)
                        .onErrorMap(
                            ConditionalCheckFailedException.class, e -> changedDuringCheckout())
                        .flatMap(repriced -> Mono.error(pricesChanged(changes, repriced))));
  }

  private Mono<Checkout> place(
      Cart cart, String checkoutId, CheckoutRequest request, String email) {
    String orderId = EventIds.next().toString();
    Checkout checkout = new Checkout(checkoutId, cart.cartId(), orderId, CartStatus.CHECKED_OUT);
    var event =
        new CartCheckedOut(
            checkoutId,
            cart.cartId(),
            new Customer(cart.customerId(), email),
            cart.lines().stream().map(CartLine::toLineItem).toList(),
            cart.total(),
            request.shippingAddress().toShippingAddress(),
            request.paymentMethodToken(),
            orderId);
    return checkouts
        .place(cart, checkout, outbox.append(event))
        .flatMap(
            placement ->
                switch (placement) {
                  case PLACED -> {
                    count("placed");
                    yield Mono.just(checkout);
                  }
                  case KEY_USED -> checkouts.find(checkoutId).flatMap(this::replayed);
                  case CART_CHANGED -> Mono.error(changedDuringCheckout());
                });
  }

  private Mono<Checkout> replayed(Checkout checkout) {
    count("replayed");
    return Mono.just(checkout);
  }

  private void count(String outcome) {
    meters.counter("emporium.cart.checkouts", "outcome", outcome).increment();
  }

  private static ConflictException changedDuringCheckout() {
    return new ConflictException("The cart changed during checkout: review it and try again");
  }

  private static ProblemException pricesChanged(List<PriceChange> changes, Cart repriced) {
    return new ConflictException(
            "Prices changed since the items were added: review the cart and check out again")
        .with("changes", changes)
        .with("version", repriced.version());
  }
}
