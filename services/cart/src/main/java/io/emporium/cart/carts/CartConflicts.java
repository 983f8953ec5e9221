package io.emporium.cart.carts;

import io.emporium.platform.web.BusinessRuleException;
import io.emporium.platform.web.ConflictException;
import io.emporium.platform.web.NotFoundException;
import io.emporium.platform.web.ProblemException;
import io.emporium.platform.web.ProblemType;
import java.util.Optional;

/** Why a conditional change of a cart was refused, from the cart as it was. */
final class CartConflicts {

  private CartConflicts() {}

  /** 409: the line would hold more than the catalog can sell; {@code available} says how many. */
  static final ProblemType INSUFFICIENT_STOCK =
      new ProblemType("insufficient-stock", 409, "Insufficient stock");

  static ProblemException onAdd(
      Optional<Cart> current, String sku, int quantity, int available, Long expected) {
    if (current.isEmpty()) {
      return stale(0);
    }
    Cart cart = current.get();
    ProblemException common = lockedOrStale(cart, expected);
    if (common != null) {
      return common;
    }
    Optional<CartLine> line = line(cart, sku);
    if (line.isPresent() && line.get().quantity() + quantity > available) {
      return insufficientStock(sku, line.get().quantity() + quantity, available);
    }
    if (line.isPresent() && line.get().quantity() + quantity > DynamoDbCartStore.MAX_QUANTITY) {
      return new BusinessRuleException(
              "A line holds at most %d units; %s has %d already"
                  .formatted(DynamoDbCartStore.MAX_QUANTITY, sku, line.get().quantity()))
          .with("sku", sku)
          .with("quantity", line.get().quantity());
    }
    if (line.isEmpty() && cart.lines().size() >= DynamoDbCartStore.MAX_LINES) {
      return new BusinessRuleException(
              "A cart holds at most %d lines".formatted(DynamoDbCartStore.MAX_LINES))
          .with("lines", cart.lines().size());
    }
    return changedMeanwhile(cart);
  }

  /** Why setting (to {@code quantity}) or removing a line was refused. */
  static ProblemException onLineChange(
      Optional<Cart> current, String sku, int quantity, int available, Long expected) {
    if (current.isEmpty()) {
      return lineNotFound(sku);
    }
    Cart cart = current.get();
    ProblemException common = lockedOrStale(cart, expected);
    if (common != null) {
      return common;
    }
    Optional<CartLine> line = line(cart, sku);
    if (line.isEmpty()) {
      return lineNotFound(sku);
    }
    return quantity > available && quantity > line.get().quantity()
        ? insufficientStock(sku, quantity, available)
        : changedMeanwhile(cart);
  }

  static ProblemException insufficientStock(String sku, int requested, int available) {
    String detail =
        available == 0
            ? "%s is sold out".formatted(sku)
            : "Only %d of %s can be sold now; the line would hold %d"
                .formatted(available, sku, requested);
    return new ProblemException(INSUFFICIENT_STOCK, detail)
        .with("sku", sku)
        .with("requested", requested)
        .with("available", available);
  }

  static ConflictException stale(long currentVersion) {
    return (ConflictException)
        new ConflictException(
                "The cart has changed (now version %d): reload it and try again"
                    .formatted(currentVersion))
            .with("currentVersion", currentVersion);
  }

  static ConflictException locked(Cart cart) {
    return (ConflictException)
        new ConflictException("The cart is checked out and cannot change until its order settles")
            .with("cartStatus", cart.status())
            .with("checkoutId", cart.checkoutId());
  }

  private static ProblemException lockedOrStale(Cart cart, Long expected) {
    if (cart.status() != CartStatus.OPEN) {
      return locked(cart);
    }
    if (expected != null && expected != cart.version()) {
      return stale(cart.version());
    }
    return null;
  }

  private static ProblemException changedMeanwhile(Cart cart) {
    return stale(cart.version());
  }

  private static NotFoundException lineNotFound(String sku) {
    return (NotFoundException)
        new NotFoundException("The cart has no line for " + sku).with("sku", sku);
  }

  private static Optional<CartLine> line(Cart cart, String sku) {
    return cart.lines().stream().filter(l -> l.sku().equals(sku)).findFirst();
  }
}
