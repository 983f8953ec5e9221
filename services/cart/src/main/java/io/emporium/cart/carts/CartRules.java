package io.emporium.cart.carts;

import io.emporium.cart.carts.CartChange.AddItem;
import io.emporium.cart.carts.CartChange.RemoveItem;
import io.emporium.cart.carts.CartChange.SetQuantity;
import io.emporium.cart.carts.Verdict.EmptyCart;
import io.emporium.cart.carts.Verdict.InsufficientStock;
import io.emporium.cart.carts.Verdict.LineFull;
import io.emporium.cart.carts.Verdict.Locked;
import io.emporium.cart.carts.Verdict.NoSuchLine;
import io.emporium.cart.carts.Verdict.SameCheckout;
import io.emporium.cart.carts.Verdict.Stale;
import io.emporium.cart.carts.Verdict.TooManyLines;
import io.emporium.cart.catalog.Product;
import java.util.Optional;

/**
 * The cart's rules, as plain functions of the cart as it is. The DynamoDB store writes a change
 * with a condition that states the same rules; when the condition fails, the store asks these
 * functions, with the cart DynamoDB returned, which rule it was.
 */
final class CartRules {

  static final int MAX_QUANTITY = 99;
  static final int MAX_LINES = 50;

  private CartRules() {}

  /**
   * What {@code change} asks, before the cart is read: adding more than the catalog can sell is
   * refused whatever the cart holds.
   */
  static Verdict asked(CartChange change) {
    if (change instanceof AddItem add && add.quantity() > add.product().available()) {
      return new InsufficientStock(add.sku(), add.quantity(), add.product().available());
    }
    return Verdict.ALLOWED;
  }

  /** The most units of {@code product} a line may hold: what the catalog can sell, at most 99. */
  static int room(Product product) {
    return Math.min(MAX_QUANTITY, product.available());
  }

  /**
   * May {@code change} apply to {@code cart} (empty: the customer has none yet)? {@code expected}
   * is the version the shopper saw (If-Match), or null.
   */
  static Verdict judge(Optional<Cart> cart, CartChange change, Long expected) {
    if (cart.isEmpty()) {
      return switch (change) {
        case AddItem add -> expected == null || expected == 0 ? asked(add) : new Stale(0);
        case SetQuantity set -> new NoSuchLine(set.sku());
        case RemoveItem remove -> new NoSuchLine(remove.sku());
      };
    }
    Cart current = cart.get();
    if (current.status() != CartStatus.OPEN) {
      return new Locked(current.status(), current.checkoutId());
    }
    if (expected != null && expected != current.version()) {
      return new Stale(current.version());
    }
    Optional<CartLine> line = current.line(change.sku());
    return switch (change) {
      case AddItem add -> add(current, line, add);
      case SetQuantity set -> set(line, set);
      case RemoveItem remove -> line.isPresent() ? Verdict.ALLOWED : new NoSuchLine(remove.sku());
    };
  }

  /** May {@code cart} be checked out as {@code checkoutId}? */
  static Verdict checkout(Cart cart, String checkoutId) {
    if (checkoutId.equals(cart.checkoutId())) {
      return new SameCheckout();
    }
    if (cart.status() != CartStatus.OPEN) {
      return new Locked(cart.status(), cart.checkoutId());
    }
    return cart.isEmpty() ? new EmptyCart() : Verdict.ALLOWED;
  }

  private static Verdict add(Cart cart, Optional<CartLine> line, AddItem add) {
    return adding(
        cart.lines().size(),
        line.map(CartLine::quantity),
        add.sku(),
        add.quantity(),
        add.product().available());
  }

  /**
   * May a cart of {@code lines} lines take {@code quantity} more units of {@code sku} into its line
   * holding {@code held} units (empty: a new line), when the catalog can sell {@code available}?
   * Stock first (more than the catalog can sell is refused whatever the cart holds), then the
   * line's and the cart's limits. Adding an item and merging a guest cart both ask this.
   */
  static Verdict adding(
      int lines, Optional<Integer> held, String sku, int quantity, int available) {
    int total = held.orElse(0) + quantity;
    if (total > available) {
      return new InsufficientStock(sku, total, available);
    }
    if (total > MAX_QUANTITY) {
      return new LineFull(sku, held.orElse(0));
    }
    return held.isEmpty() && lines >= MAX_LINES ? new TooManyLines(lines) : Verdict.ALLOWED;
  }

  /** More than available only if the line shrinks: a shopper can always lower a line. */
  private static Verdict set(Optional<CartLine> line, SetQuantity set) {
    if (line.isEmpty()) {
      return new NoSuchLine(set.sku());
    }
    return set.quantity() > set.available() && set.quantity() > line.get().quantity()
        ? new InsufficientStock(set.sku(), set.quantity(), set.available())
        : Verdict.ALLOWED;
  }
}
