package io.emporium.cart.carts;

import io.emporium.platform.web.BusinessRuleException;
import io.emporium.platform.web.ConflictException;
import io.emporium.platform.web.NotFoundException;
import io.emporium.platform.web.ProblemException;
import io.emporium.platform.web.ProblemType;

/** What {@link CartRules} says of a change or a checkout: allowed, or refused and why. */
sealed interface Verdict {

  Allowed ALLOWED = new Allowed();

  /** The change may be written. */
  record Allowed() implements Verdict {}

  /** The checkout was placed before with the same Idempotency-Key: answer it again. */
  record SameCheckout() implements Verdict {}

  /** Why not, and the problem the shopper gets. */
  sealed interface Refusal extends Verdict {
    ProblemException problem();
  }

  /** The shopper's version is not the cart's (or the cart changed meanwhile). */
  record Stale(long currentVersion) implements Refusal {
    @Override
    public ProblemException problem() {
      return new ConflictException(
              "The cart has changed (now version %d): reload it and try again"
                  .formatted(currentVersion))
          .with("currentVersion", currentVersion);
    }
  }

  /** The cart is checked out until its order settles. */
  record Locked(CartStatus status, String checkoutId) implements Refusal {
    @Override
    public ProblemException problem() {
      return new ConflictException(
              "The cart is checked out and cannot change until its order settles")
          .with("cartStatus", status)
          .with("checkoutId", checkoutId);
    }
  }

  /** A line would hold more than {@link CartRules#MAX_QUANTITY} units. */
  record LineFull(String sku, int quantity) implements Refusal {
    @Override
    public ProblemException problem() {
      return new BusinessRuleException(
              "A line holds at most %d units; %s has %d already"
                  .formatted(CartRules.MAX_QUANTITY, sku, quantity))
          .with("sku", sku)
          .with("quantity", quantity);
    }
  }

  /**
   * A line would hold more than the catalog can sell ({@code requested} is what it would hold): 409
   * insufficient-stock (ADR 0015).
   */
  record InsufficientStock(String sku, int requested, int available) implements Refusal {

    static final ProblemType TYPE =
        new ProblemType("insufficient-stock", 409, "Insufficient stock");

    @Override
    public ProblemException problem() {
      String detail =
          available == 0
              ? "%s is sold out".formatted(sku)
              : "Only %d of %s can be sold now; the line would hold %d"
                  .formatted(available, sku, requested);
      return new ProblemException(TYPE, detail)
          .with("sku", sku)
          .with("requested", requested)
          .with("available", available);
    }
  }

  /** The cart would hold more than {@link CartRules#MAX_LINES} lines. */
  record TooManyLines(int lines) implements Refusal {
    @Override
    public ProblemException problem() {
      return new BusinessRuleException(
              "A cart holds at most %d lines".formatted(CartRules.MAX_LINES))
          .with("lines", lines);
    }
  }

  /** The change names a line the cart does not have. */
  record NoSuchLine(String sku) implements Refusal {
    @Override
    public ProblemException problem() {
      return new NotFoundException("The cart has no line for " + sku).with("sku", sku);
    }
  }

  /** Nothing to check out. */
  record EmptyCart() implements Refusal {
    @Override
    public ProblemException problem() {
      return new BusinessRuleException("The cart is empty: add something before checking out");
    }
  }
}
