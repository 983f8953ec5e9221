package io.emporium.chaos;

import io.emporium.chaos.faults.AwsErrors;
import io.emporium.chaos.faults.AwsOutage;
import io.emporium.chaos.faults.DuplicatesAndReordering;
import io.emporium.chaos.faults.PaymentProviderFreeze;
import io.emporium.chaos.faults.PoisonMessages;
import io.emporium.chaos.faults.PostgresRestart;
import io.emporium.chaos.faults.ServiceKills;
import io.emporium.chaos.faults.Together;
import io.emporium.chaos.load.Cards;
import io.emporium.launcher.StackSettings;
import java.time.Duration;
import java.util.List;

/**
 * Which phases the suite runs and the shop's settings for it: the order service's saga deadline,
 * how long the shop may take to drain after a phase's faults, how long a shopper keeps retrying,
 * and the seed of every random choice (a failing run can be repeated).
 */
public record SuitePlan(
    String name,
    List<Phase> phases,
    Duration sagaDeadline,
    Duration drainWithin,
    Duration patience,
    long seed) {

  private static final List<String> SERVICES = StackSettings.SERVICES;

  /**
   * The full run ({@code ./emporium chaos}): each fault kind alone, then all of them mixed; 590
   * shoppers.
   */
  public static SuitePlan full(long seed) {
    Cards usual = Cards.usual();
    return new SuitePlan(
        "full",
        List.of(
            new Phase("kill -9", 70, secs(100), usual, new ServiceKills(SERVICES, secs(5))),
            new Phase("AWS down", 70, secs(120), usual, new AwsOutage(secs(20), secs(60))),
            new Phase("AWS errors", 70, secs(150), usual, new AwsErrors(secs(10), secs(120), 0.3)),
            new Phase("PG restart", 70, secs(90), usual, new PostgresRestart(secs(30), secs(10))),
            new Phase(
                "dup+reorder",
                70,
                secs(90),
                usual,
                new DuplicatesAndReordering(secs(90), 0.3, 0.1)),
            new Phase("poison", 70, secs(90), usual, new PoisonMessages(secs(20), secs(120))),
            new Phase(
                "PSP faults",
                70,
                secs(90),
                Cards.troubledProvider(),
                new PaymentProviderFreeze(secs(30), secs(20))),
            new Phase("mixed", 100, secs(180), Cards.troubledProvider(), mixed(secs(180)))),
        Duration.ofMinutes(3),
        Duration.ofMinutes(8),
        Duration.ofMinutes(4),
        seed);
  }

  /** The bounded run inside {@code ./emporium test}: every fault kind at once, briefly. */
  public static SuitePlan bounded(long seed) {
    return new SuitePlan(
        "bounded",
        List.of(new Phase("mixed", 30, secs(90), Cards.troubledProvider(), mixed(secs(90)))),
        Duration.ofSeconds(60),
        Duration.ofMinutes(4),
        Duration.ofMinutes(3),
        seed);
  }

  /** Every kind during one load of {@code length}, each at its own moment. */
  static Together mixed(Duration length) {
    long s = length.toSeconds();
    return new Together(
        List.of(
            new PoisonMessages(secs(s / 20), secs(120)),
            new DuplicatesAndReordering(length, 0.2, 0.1),
            new ServiceKills(List.of("order", "payment"), secs(3)),
            new AwsOutage(secs(s / 5), secs(Math.max(15, s / 6))),
            new PaymentProviderFreeze(secs(s * 2 / 5), secs(Math.max(10, s / 9))),
            new AwsErrors(secs(s / 2), secs(Math.max(30, s / 3)), 0.3),
            new PostgresRestart(secs(s * 4 / 5), secs(3))));
  }

  private static Duration secs(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  /** Only the phases named in {@code names} (comma-separated), in this plan's order. */
  public SuitePlan only(String names) {
    List<String> wanted = List.of(names.split(",\\s*"));
    List<String> known = phases.stream().map(Phase::name).toList();
    wanted.stream()
        .filter(name -> !known.contains(name))
        .findFirst()
        .ifPresent(
            name -> {
              throw new IllegalArgumentException(
                  "no phase '" + name + "' (there are: " + known + ")");
            });
    List<Phase> chosen = phases.stream().filter(p -> wanted.contains(p.name())).toList();
    return new SuitePlan(names, chosen, sagaDeadline, drainWithin, patience, seed);
  }

  /** Each phase with {@code factor} times its shoppers (at least 3). */
  public SuitePlan scaled(double factor) {
    List<Phase> scaled =
        phases.stream()
            .map(
                p ->
                    new Phase(
                        p.name(),
                        Math.max(3, (int) Math.round(p.shoppers() * factor)),
                        p.spread(),
                        p.cards(),
                        p.fault()))
            .toList();
    return new SuitePlan(name, scaled, sagaDeadline, drainWithin, patience, seed);
  }

  /** The orders of all phases' shoppers. */
  public int shoppers() {
    return phases.stream().mapToInt(Phase::shoppers).sum();
  }
}
