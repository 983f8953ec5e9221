package io.emporium.platform.testing;

import io.emporium.events.Customer;
import io.emporium.events.EventFixtures;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.StockLine;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.catalog.ShortLine;
import io.emporium.events.catalog.StockRejected;
import io.emporium.events.catalog.StockReleased;
import io.emporium.events.catalog.StockReserved;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderPlaced;
import io.emporium.events.payment.PaymentAuthorized;
import io.emporium.events.payment.PaymentDeclined;
import io.emporium.events.payment.PaymentRefunded;
import java.util.List;
import java.util.UUID;

/**
 * The events of the saga about one order, as the golden fixtures ({@link EventFixtures}) show them,
 * with what a test cares about set: the order's id, the shopper, the cart, the lines and the
 * payment token. Everything else (the shipping address, the names) is the fixtures'. Ids derived
 * from the order's: {@code chk-<order>}, {@code pay-<order>}, {@code cart-<order>} unless a cart is
 * given.
 */
public record SampleOrder(
    String orderId, String cartId, Customer customer, List<LineItem> lines, String paymentToken) {

  private static final OrderPlaced FIXTURE =
      (OrderPlaced) EventFixtures.envelope("order.OrderPlaced.v1").data();

  public SampleOrder {
    lines = List.copyOf(lines);
  }

  /** The fixture's order (its shopper, lines and token) under a new id {@code ord-<random>}. */
  public static SampleOrder create() {
    return of("ord-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** The fixture's order under {@code orderId} (null: not minted yet, see {@link #checkedOut}). */
  public static SampleOrder of(String orderId) {
    return new SampleOrder(
        orderId,
        "cart-" + orderId,
        FIXTURE.customer(),
        FIXTURE.lines(),
        FIXTURE.paymentMethodToken());
  }

  /** The order {@code placed} announced (its cart {@code cart-<order>}). */
  public static SampleOrder from(OrderPlaced placed) {
    return new SampleOrder(
        placed.orderId(),
        "cart-" + placed.orderId(),
        placed.customer(),
        placed.lines(),
        placed.paymentMethodToken());
  }

  public SampleOrder by(Customer shopper) {
    return new SampleOrder(orderId, cartId, shopper, lines, paymentToken);
  }

  /** By a shopper of the test pool, as events name them (its sub and email). */
  public SampleOrder by(TestUser shopper) {
    return by(new Customer(shopper.id(), shopper.email()));
  }

  public SampleOrder fromCart(String cart) {
    return new SampleOrder(orderId, cart, customer, lines, paymentToken);
  }

  public SampleOrder withLines(LineItem... items) {
    return new SampleOrder(orderId, cartId, customer, List.of(items), paymentToken);
  }

  public SampleOrder paidWith(String token) {
    return new SampleOrder(orderId, cartId, customer, lines, token);
  }

  /** A line of {@code quantity} × {@code sku} at 10.00 EUR, named after it. */
  public static LineItem line(String sku, int quantity) {
    return line(sku, quantity, 1000);
  }

  public static LineItem line(String sku, int quantity, long unitPriceMinor) {
    return new LineItem(sku, "Item " + sku, quantity, new Money(unitPriceMinor, "EUR"));
  }

  public Money total() {
    return lines.stream()
        .map(LineItem::lineTotal)
        .reduce(Money::plus)
        .orElse(new Money(0, FIXTURE.total().currency()));
  }

  public String checkoutId() {
    return "chk-" + orderId;
  }

  public String paymentId() {
    return "pay-" + orderId;
  }

  public ShippingAddress address() {
    return FIXTURE.shippingAddress();
  }

  /**
   * The cart's checkout {@code checkoutId} of this order; the order's id in it is null when this
   * order's is (an older cart: the order service mints it).
   */
  public CartCheckedOut checkedOut(String checkoutId) {
    return new CartCheckedOut(
        checkoutId, cartId, customer, lines, total(), address(), paymentToken, orderId);
  }

  public OrderPlaced placed() {
    return new OrderPlaced(
        orderId, checkoutId(), customer, lines, total(), address(), paymentToken);
  }

  public OrderConfirmed confirmed() {
    return confirmed(paymentId());
  }

  /** Confirmed with the payment a service under test made (its own id). */
  public OrderConfirmed confirmed(String payment) {
    return new OrderConfirmed(orderId, cartId, customer, lines, total(), payment);
  }

  public OrderCancelled cancelled(CancellationReason reason, String detail) {
    return new OrderCancelled(orderId, cartId, customer, lines, total(), reason, detail);
  }

  public StockReserved reserved() {
    return new StockReserved(orderId, stockLines());
  }

  public StockReleased released() {
    return new StockReleased(orderId, stockLines());
  }

  /** The last line could not be reserved: none of it is available. */
  public StockRejected rejected() {
    LineItem last = lines.getLast();
    return new StockRejected(orderId, List.of(new ShortLine(last.sku(), last.quantity(), 0)));
  }

  public PaymentAuthorized authorized() {
    return new PaymentAuthorized(paymentId(), orderId, total(), "auth-" + orderId);
  }

  public PaymentDeclined declined() {
    return new PaymentDeclined(paymentId(), orderId, total(), "card_declined", "Declined");
  }

  public PaymentRefunded refunded() {
    return new PaymentRefunded(paymentId(), orderId, customer, total());
  }

  private List<StockLine> stockLines() {
    return lines.stream().map(line -> new StockLine(line.sku(), line.quantity())).toList();
  }
}
