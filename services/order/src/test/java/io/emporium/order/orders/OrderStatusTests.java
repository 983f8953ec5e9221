package io.emporium.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusTests {

  private static final Set<String> LEGAL =
      Set.of(
          "PENDING->STOCK_RESERVED",
          "PENDING->CANCELLED",
          "STOCK_RESERVED->CONFIRMED",
          "STOCK_RESERVED->CANCELLED");

  @ParameterizedTest
  @EnumSource(OrderStatus.class)
  void allowsExactlyTheSagasTransitions(OrderStatus from) {
    for (OrderStatus to : OrderStatus.values()) {
      assertThat(from.canMoveTo(to))
          .as(from + " -> " + to)
          .isEqualTo(LEGAL.contains(from + "->" + to));
    }
  }

  @ParameterizedTest
  @EnumSource(OrderStatus.class)
  void onlyConfirmedAndCancelledAreFinal(OrderStatus status) {
    assertThat(status.isFinal())
        .isEqualTo(EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED).contains(status));
  }

  @ParameterizedTest
  @EnumSource(OrderStatus.class)
  void everyLegalTransitionMovesForward(OrderStatus from) {
    for (OrderStatus to : OrderStatus.values()) {
      if (from.canMoveTo(to)) {
        assertThat(to.rank()).as(from + " -> " + to).isGreaterThan(from.rank());
      }
    }
  }
}
