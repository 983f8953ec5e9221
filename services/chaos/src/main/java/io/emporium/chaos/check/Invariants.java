package io.emporium.chaos.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's invariants as plain functions of what the services and the provider recorded: money
 * (a confirmed order captured exactly once, a cancelled one holding nothing), stock (none oversold,
 * every unit accounted for, no reservation left held) and emails (the right one for each settled
 * order, never the other).
 */
final class Invariants {

  private Invariants() {}

  static PhaseResult.Money money(
      List<OrderRecord> orders, Map<String, List<String>> provider, Map<String, String> payment) {
    int wrong = 0;
    int unvoided = 0;
    List<String> named = new ArrayList<>();
    for (OrderRecord order : orders) {
      List<String> held = provider.getOrDefault(order.orderId(), List.of());
      long authorized = held.stream().filter(status -> !status.equals("DECLINED")).count();
      boolean isWrong = order.confirmed() && (authorized != 1 || !held.contains("CAPTURED"));
      boolean isUnvoided =
          order.cancelled() && (held.contains("AUTHORIZED") || held.contains("CAPTURED"));
      wrong += isWrong ? 1 : 0;
      unvoided += isUnvoided ? 1 : 0;
      if (isWrong || isUnvoided) {
        named.add(
            "order %s (%s, %s): provider %s, payment service %s"
                .formatted(
                    order.orderId(),
                    order.status(),
                    order.cancellationReason(),
                    held,
                    payment.get(order.orderId())));
      }
    }
    return new PhaseResult.Money(wrong, unvoided, named);
  }

  static PhaseResult.Stock stock(
      List<String> skus,
      int initialStock,
      List<OrderRecord> orders,
      Map<String, int[]> stock,
      Map<String, String> reservations) {
    Map<String, Integer> confirmedUnits = new HashMap<>();
    orders.stream()
        .filter(OrderRecord::confirmed)
        .forEach(
            o -> o.lines().forEach((sku, units) -> confirmedUnits.merge(sku, units, Integer::sum)));
    int oversold = 0;
    int notConserved = 0;
    for (String sku : skus) {
      int sold = confirmedUnits.getOrDefault(sku, 0);
      int[] now = stock.get(sku);
      oversold += Math.max(0, sold - initialStock);
      if (now == null || initialStock - now[0] != sold || now[1] != 0) {
        notConserved++;
      }
    }
    int held = (int) reservations.values().stream().filter("HELD"::equals).count();
    return new PhaseResult.Stock(skus.size(), oversold, notConserved, held);
  }

  static PhaseResult.Emails emails(List<OrderRecord> settled, Map<String, List<String>> sent) {
    int right = 0;
    for (OrderRecord order : settled) {
      List<String> templates = sent.getOrDefault(order.orderId(), List.of());
      String expected = order.confirmed() ? "order-confirmed" : "order-cancelled";
      String wrong = order.confirmed() ? "order-cancelled" : "order-confirmed";
      if (templates.contains(expected) && !templates.contains(wrong)) {
        right++;
      }
    }
    return new PhaseResult.Emails(settled.size(), right);
  }
}
