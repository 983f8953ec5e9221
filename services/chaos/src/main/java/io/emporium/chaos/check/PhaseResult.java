package io.emporium.chaos.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one phase of the suite found once the shop drained: the load, the orders' outcomes, money,
 * stock, emails, dead letters and latency, and which invariants were broken.
 */
public record PhaseResult(
    String phase,
    String faults,
    Load load,
    Outcomes outcomes,
    Money money,
    Stock stock,
    Emails emails,
    DeadLetters deadLetters,
    Latency latency,
    Duration drainedIn,
    boolean drained) {

  /**
   * Shoppers, checkouts the shop accepted, the faults the proxy injected, and why the other
   * shoppers' checkouts were not accepted ("3 × checkout: 409 …", most frequent first).
   */
  public record Load(int shoppers, int accepted, String injected, List<String> refusals) {

    public Load {
      refusals = List.copyOf(refusals);
    }
  }

  /**
   * Orders placed and how they ended; non-terminal and lost must be 0. {@code lost}: what the shop
   * knows of each accepted checkout without an order ({@link LostCheckouts}).
   */
  public record Outcomes(
      int placed, int confirmed, int cancelled, int nonTerminal, List<String> lost) {

    public Outcomes {
      lost = List.copyOf(lost);
    }
  }

  /**
   * Confirmed orders without exactly one (captured) authorization at the provider, and cancelled
   * orders whose authorization is still held or captured: both must be 0.
   */
  public record Money(int authorizationsWrong, int unvoided, List<String> orders) {

    /** {@code orders}: each order counted above, with what the provider and payment hold. */
    public Money {
      orders = List.copyOf(orders);
    }
  }

  /** Units sold beyond the stock, skus whose stock is not conserved, reservations left held. */
  public record Stock(int skus, int oversoldUnits, int skusNotConserved, int reservationsHeld) {}

  /** Settled orders, and how many have exactly their outcome's email sent. */
  public record Emails(int settled, int withTheirEmail) {}

  /**
   * Poison injected and found in the DLQs, anything else found there ("dlq: type"), how fast poison
   * got there.
   */
  public record DeadLetters(
      int poisonInjected, int poisonFound, List<String> others, Duration poisonToDlq) {

    /** The other dead letters counted by DLQ and type: "2 × q-dlq: order.OrderPlaced.v1, …". */
    public String grouped() {
      return others.stream()
          .collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting()))
          .entrySet()
          .stream()
          .map(e -> e.getValue() + " × " + e.getKey())
          .collect(Collectors.joining(", "));
    }
  }

  /** This result with {@code other} money figures. */
  PhaseResult withMoney(Money other) {
    return new PhaseResult(
        phase,
        faults,
        load,
        outcomes,
        other,
        stock,
        emails,
        deadLetters,
        latency,
        drainedIn,
        drained);
  }

  /** The invariants this phase broke, in words; empty when all held. */
  public List<String> violations() {
    List<String> broken = new ArrayList<>();
    check(broken, outcomes.nonTerminal() == 0, outcomes.nonTerminal() + " orders never settled");
    check(
        broken,
        outcomes.lost().isEmpty(),
        outcomes.lost().size() + " accepted checkouts have no order");
    check(
        broken,
        money.authorizationsWrong() == 0,
        money.authorizationsWrong()
            + " confirmed orders without exactly one captured authorization");
    check(broken, money.unvoided() == 0, money.unvoided() + " cancelled orders still charged");
    check(broken, stock.oversoldUnits() == 0, stock.oversoldUnits() + " units oversold");
    check(
        broken,
        stock.skusNotConserved() == 0,
        stock.skusNotConserved() + " skus' stock not conserved");
    check(
        broken,
        stock.reservationsHeld() == 0,
        stock.reservationsHeld() + " reservations left held");
    check(
        broken,
        emails.withTheirEmail() == emails.settled(),
        (emails.settled() - emails.withTheirEmail()) + " settled orders without their one email");
    check(
        broken,
        deadLetters.poisonFound() == deadLetters.poisonInjected(),
        (deadLetters.poisonInjected() - deadLetters.poisonFound())
            + " poison messages not in a DLQ");
    check(
        broken,
        deadLetters.others().isEmpty(),
        deadLetters.others().size() + " other messages in DLQs: " + deadLetters.grouped());
    check(broken, drained, "the shop did not drain within " + drainedIn.toSeconds() + " s");
    return broken;
  }

  public boolean held() {
    return violations().isEmpty();
  }

  private static void check(List<String> broken, boolean holds, String violation) {
    if (!holds) {
      broken.add(violation);
    }
  }
}
