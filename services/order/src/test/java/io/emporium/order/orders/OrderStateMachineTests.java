package io.emporium.order.orders;

import static io.emporium.order.orders.OrderStatus.CANCELLED;
import static io.emporium.order.orders.OrderStatus.CONFIRMED;
import static io.emporium.order.orders.OrderStatus.PENDING;
import static io.emporium.order.orders.OrderStatus.STOCK_RESERVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.order.CancellationReason;
import io.emporium.order.orders.OrderStateMachine.Outcome;
import io.emporium.order.orders.OrderStateMachine.Step;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStateMachineTests {

  private static final SagaSignal RESERVED = new SagaSignal.StockReserved();
  private static final SagaSignal REJECTED = new SagaSignal.StockRejected("short: SKU-1");
  private static final SagaSignal AUTHORIZED = new SagaSignal.PaymentAuthorized("pay-1");
  private static final SagaSignal DECLINED = new SagaSignal.PaymentDeclined("card_declined");
  private static final SagaSignal DEADLINE = new SagaSignal.DeadlinePassed("too late");

  @Test
  void stockReservedMovesPendingToStockReserved() {
    Outcome outcome = OrderStateMachine.apply(order(PENDING), RESERVED);

    assertThat(outcome.order().status()).isEqualTo(STOCK_RESERVED);
    assertThat(outcome.steps()).extracting(Step::status).containsExactly(STOCK_RESERVED);
  }

  @Test
  void paymentAuthorizedConfirmsAReservedOrderWithItsPayment() {
    Outcome outcome = OrderStateMachine.apply(order(STOCK_RESERVED), AUTHORIZED);

    assertThat(outcome.order().status()).isEqualTo(CONFIRMED);
    assertThat(outcome.order().paymentId()).isEqualTo("pay-1");
    assertThat(outcome.order().cancellationReason()).isNull();
  }

  @Test
  void stockRejectedCancelsPendingOrderAsOutOfStock() {
    Outcome outcome = OrderStateMachine.apply(order(PENDING), REJECTED);

    assertCancelled(outcome, CancellationReason.OUT_OF_STOCK, "short: SKU-1");
  }

  @ParameterizedTest
  @EnumSource(
      value = OrderStatus.class,
      names = {"PENDING", "STOCK_RESERVED"})
  void paymentDeclinedCancelsAnOpenOrder(OrderStatus open) {
    assertCancelled(
        OrderStateMachine.apply(order(open), DECLINED),
        CancellationReason.PAYMENT_DECLINED,
        "card_declined");
  }

  @ParameterizedTest
  @EnumSource(
      value = OrderStatus.class,
      names = {"PENDING", "STOCK_RESERVED"})
  void deadlineCancelsAnOpenOrderAsTimeout(OrderStatus open) {
    assertCancelled(
        OrderStateMachine.apply(order(open), DEADLINE), CancellationReason.TIMEOUT, "too late");
  }

  @Test
  void paymentAuthorizedBeforeStockIsRememberedThenConfirmsOnStockReserved() {
    Outcome early = OrderStateMachine.apply(order(PENDING), AUTHORIZED);

    assertThat(early.statusChanged()).isFalse();
    assertThat(early.order().status()).isEqualTo(PENDING);
    assertThat(early.order().paymentId()).isEqualTo("pay-1");
    assertThat(early.note()).contains("before stock was reserved");

    Outcome reserved = OrderStateMachine.apply(early.order(), RESERVED);

    assertThat(reserved.order().status()).isEqualTo(CONFIRMED);
    assertThat(reserved.order().paymentId()).isEqualTo("pay-1");
    assertThat(reserved.steps())
        .extracting(Step::status)
        .containsExactly(STOCK_RESERVED, CONFIRMED);
  }

  @Test
  void aSecondEarlyPaymentIsIgnored() {
    Order withPayment = OrderStateMachine.apply(order(PENDING), AUTHORIZED).order();

    Outcome again = OrderStateMachine.apply(withPayment, new SagaSignal.PaymentAuthorized("pay-2"));

    assertThat(again.order()).isEqualTo(withPayment);
    assertThat(again.statusChanged()).isFalse();
  }

  static Stream<Arguments> signalsThatNoLongerFit() {
    return Stream.of(
        Arguments.of(STOCK_RESERVED, RESERVED, "already reserved"),
        Arguments.of(STOCK_RESERVED, REJECTED, "already reserved"),
        Arguments.of(CONFIRMED, RESERVED, "already CONFIRMED"),
        Arguments.of(CONFIRMED, REJECTED, "already CONFIRMED"),
        Arguments.of(CONFIRMED, AUTHORIZED, "already CONFIRMED"),
        Arguments.of(CONFIRMED, DECLINED, "already CONFIRMED"),
        Arguments.of(CONFIRMED, DEADLINE, "already CONFIRMED"),
        Arguments.of(CANCELLED, RESERVED, "already CANCELLED"),
        Arguments.of(CANCELLED, REJECTED, "already CANCELLED"),
        Arguments.of(CANCELLED, AUTHORIZED, "already CANCELLED"),
        Arguments.of(CANCELLED, DECLINED, "already CANCELLED"),
        Arguments.of(CANCELLED, DEADLINE, "already CANCELLED"));
  }

  @ParameterizedTest
  @MethodSource("signalsThatNoLongerFit")
  void lateOrRepeatedSignalsChangeNothingAndSayWhy(
      OrderStatus status, SagaSignal signal, String why) {
    Order order = order(status);

    Outcome outcome = OrderStateMachine.apply(order, signal);

    assertThat(outcome.order()).isEqualTo(order);
    assertThat(outcome.statusChanged()).isFalse();
    assertThat(outcome.note()).contains(signal.name()).contains(why);
  }

  static Stream<Arguments> illegalTransitions() {
    UnaryOperator<Order> reserve = Order::reserveStock;
    UnaryOperator<Order> confirm = o -> o.confirm("pay-1");
    UnaryOperator<Order> cancel = o -> o.cancel(CancellationReason.TIMEOUT, "x");
    return Stream.of(
        Arguments.of(PENDING, "confirm", confirm),
        Arguments.of(STOCK_RESERVED, "reserve", reserve),
        Arguments.of(CONFIRMED, "reserve", reserve),
        Arguments.of(CONFIRMED, "confirm", confirm),
        Arguments.of(CONFIRMED, "cancel", cancel),
        Arguments.of(CANCELLED, "reserve", reserve),
        Arguments.of(CANCELLED, "confirm", confirm),
        Arguments.of(CANCELLED, "cancel", cancel));
  }

  @ParameterizedTest(name = "{0} cannot {1}")
  @MethodSource("illegalTransitions")
  void theOrderRejectsIllegalTransitions(
      OrderStatus status, String change, UnaryOperator<Order> transition) {
    assertThatThrownBy(() -> transition.apply(order(status)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("from " + status);
  }

  @ParameterizedTest
  @EnumSource(
      value = OrderStatus.class,
      names = {"STOCK_RESERVED", "CONFIRMED", "CANCELLED"})
  void aPaymentIsRecordedAheadOnlyWhilePending(OrderStatus status) {
    assertThatThrownBy(() -> order(status).withPayment("pay-1"))
        .isInstanceOf(IllegalStateException.class);
  }

  private static void assertCancelled(Outcome outcome, CancellationReason reason, String detail) {
    assertThat(outcome.order().status()).isEqualTo(CANCELLED);
    assertThat(outcome.order().cancellationReason()).isEqualTo(reason);
    assertThat(outcome.order().cancellationDetail()).isEqualTo(detail);
    assertThat(outcome.steps()).containsExactly(new Step(CANCELLED, reason + ": " + detail));
  }

  static Order order(OrderStatus status) {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");
    return new Order(
        UUID.randomUUID(),
        "chk-1",
        "cart-1",
        new Customer("cust-1", "c@example.com"),
        new ShippingAddress("Ada", "1 Main St", null, "Dublin", "D01", "IE"),
        status,
        status == CANCELLED ? CancellationReason.TIMEOUT : null,
        null,
        status == CONFIRMED ? "pay-0" : null,
        List.of(new LineItem("SKU-1", "Mug", 2, new Money(1250, "EUR"))),
        new Money(2500, "EUR"),
        now,
        now,
        now,
        now.plusSeconds(600),
        0);
  }
}
