package io.emporium.chaos.check;

import io.emporium.chaos.faults.PoisonLog;
import io.emporium.chaos.load.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * After a phase's load and faults: waits until the shop has drained (every order settled, payments
 * and reservations final, emails sent, queues and outboxes empty — the cart's DynamoDB one too),
 * then checks the invariants against what the services and the provider recorded.
 */
public final class PhaseCheck {

  private static final List<String> OUTBOX_DATABASES =
      List.of("catalog", "order", "payment", "notification");
  private static final Set<String> PAYMENT_IN_FLIGHT =
      Set.of("AUTHORIZING", "CAPTURING", "CANCELLING");

  private final ShopRecords records;
  private final CartRecords cart;
  private final Queues queues;

  public PhaseCheck(ShopRecords records, CartRecords cart, Queues queues) {
    this.records = records;
    this.cart = cart;
    this.queues = queues;
  }

  /** What a phase did, for the check. */
  public record Phase(
      String name,
      String faults,
      List<String> customers,
      List<Attempt> attempts,
      List<String> skus,
      int initialStock,
      PoisonLog poison,
      String injected) {}

  public PhaseResult check(Phase phase, Duration drainWithin) throws InterruptedException {
    Instant started = Instant.now();
    boolean drained = awaitDrained(phase, started.plus(drainWithin));
    Duration took = Duration.between(started, Instant.now());
    List<OrderRecord> orders = records.orders(phase.customers());
    List<String> ids = orders.stream().map(OrderRecord::orderId).toList();
    Set<String> checkouts =
        orders.stream().map(OrderRecord::checkoutId).collect(Collectors.toSet());
    int accepted = (int) phase.attempts().stream().filter(Attempt::accepted).count();
    List<Attempt> lost =
        phase.attempts().stream()
            .filter(a -> a.accepted() && !checkouts.contains(a.checkoutId()))
            .toList();
    List<OrderRecord> settled = orders.stream().filter(OrderRecord::settled).toList();
    return new PhaseResult(
        phase.name(),
        phase.faults(),
        new PhaseResult.Load(
            phase.attempts().size(), accepted, phase.injected(), refusals(phase.attempts())),
        new PhaseResult.Outcomes(
            orders.size(),
            count(orders, OrderRecord::confirmed),
            count(orders, OrderRecord::cancelled),
            orders.size() - settled.size(),
            LostCheckouts.trace(lost, cart, records)),
        Invariants.money(orders, records.providerPayments(ids), records.payments(ids)),
        Invariants.stock(
            phase.skus(),
            phase.initialStock(),
            orders,
            records.stock(phase.skus()),
            records.reservations(ids)),
        Invariants.emails(settled, records.sentEmails(ids)),
        deadLetters(phase.poison()),
        Latency.of(settled.stream().map(OrderRecord::sagaLatency).toList()),
        took,
        drained);
  }

  /** Why checkouts were not accepted, counted by reason (ids blanked), most frequent first. */
  static List<String> refusals(List<Attempt> attempts) {
    return attempts.stream()
        .filter(a -> !a.accepted())
        .map(
            a ->
                String.valueOf(a.refusal())
                    .replaceAll("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "…"))
        .collect(Collectors.groupingBy(r -> r, Collectors.counting()))
        .entrySet()
        .stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getValue() + " × " + e.getKey())
        .toList();
  }

  private boolean awaitDrained(Phase phase, Instant giveUp) throws InterruptedException {
    while (Instant.now().isBefore(giveUp)) {
      if (drained(phase)) {
        return true;
      }
      Thread.sleep(2000);
    }
    return drained(phase);
  }

  private boolean drained(Phase phase) {
    try {
      List<OrderRecord> orders = records.orders(phase.customers());
      Set<String> checkouts =
          orders.stream().map(OrderRecord::checkoutId).collect(Collectors.toSet());
      boolean allPlaced =
          phase.attempts().stream()
              .filter(Attempt::accepted)
              .allMatch(a -> checkouts.contains(a.checkoutId()));
      if (!allPlaced || !orders.stream().allMatch(OrderRecord::settled)) {
        return false;
      }
      List<String> ids = orders.stream().map(OrderRecord::orderId).toList();
      return records.payments(ids).values().stream().noneMatch(PAYMENT_IN_FLIGHT::contains)
          && !records.reservations(ids).containsValue("HELD")
          && records.pendingEmails(ids) == 0
          && queues.backlog() == 0
          && cart.outboxBacklog() == 0
          && records.outboxBacklog(OUTBOX_DATABASES).values().stream().allMatch(n -> n == 0);
    } catch (RuntimeException e) {
      return false; // a database or the emulator still recovering
    }
  }

  /**
   * The injected poison found in the DLQs, each counted once (a copy the fault proxy delivered
   * again is dead-lettered too), and everything else found there.
   */
  private PhaseResult.DeadLetters deadLetters(PoisonLog poison) {
    Set<PoisonLog.Poison> found = new HashSet<>();
    List<String> others = new ArrayList<>();
    for (var dlq : queues.drainDeadLetters().entrySet()) {
      for (String body : dlq.getValue()) {
        PoisonLog.Poison injected = poison.find(body);
        if (injected != null) {
          found.add(injected);
        } else {
          others.add(dlq.getKey() + ": " + typeOf(body));
        }
      }
    }
    return new PhaseResult.DeadLetters(
        poison.injected().size(), found.size(), others, poison.slowestToDlq());
  }

  private static String typeOf(String body) {
    int at = body.indexOf("\"type\"");
    if (at < 0) {
      return body.substring(0, Math.min(60, body.length()));
    }
    int start = body.indexOf('"', body.indexOf(':', at) + 1) + 1;
    return body.substring(start, Math.max(start, body.indexOf('"', start)));
  }

  private static int count(
      List<OrderRecord> orders, java.util.function.Predicate<OrderRecord> test) {
    return (int) orders.stream().filter(test).count();
  }
}
