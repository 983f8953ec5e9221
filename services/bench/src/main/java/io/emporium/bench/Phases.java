package io.emporium.bench;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The phases of a run, in order, each with the report section it writes and the time it is expected
 * to take with given settings on a normally loaded machine (two shared cores; the report's "where
 * the time went" row shows what each took). The standard budget holds them all ({@code
 * SettingsTests}); a phase that no longer fits in what is left of the budget is not run and is
 * reported as not measured, except the saga and startup phases, which fit what they can themselves
 * (a rate, a service at a time).
 */
final class Phases {

  /** What a phase does to a run: measures, and adds its figures. */
  @FunctionalInterface
  interface Body {
    void run(Run run) throws Exception;
  }

  /**
   * @param fitsItself true when the phase checks the budget part by part itself
   */
  record Phase(
      String name,
      int section,
      Body body,
      Function<Settings, Duration> expected,
      boolean fitsItself) {}

  // What each phase took in a run at a load average of 5 (2026-12-01) is in the comments; the
  // expectations are for a normally loaded machine.
  static final List<Phase> ALL =
      List.of(
          // 22 s: sign-ups (three Cognito calls each, about 20 ms a shopper), 2 s of quiet, idle
          phase(
              "baseline",
              3,
              Baseline::run,
              s ->
                  seconds(5 + 0.02 * (s.cartShoppers() + Baseline.buyersNeeded(s))).plus(s.idle())),
          // 7 s
          phase(
              "search",
              7,
              SearchPhase::atSeedSize,
              s -> load(s.warmUp(), s.measure().dividedBy(2), 1)),
          // 4 s
          phase("seed", 1, CartSeeds::seed, s -> seconds(2 + 0.002 * s.carts())),
          // 32 s with 4 s replays: the load, then three replays (the same UpdateItem, the
          // reference's GetItem and PutItem), each a second of warm-up and the ceiling's length
          phase(
              "add",
              1,
              CartPhases::addItem,
              s -> load(s.warmUp(), s.measure(), 5).plus(replays(s, 3))),
          // 24 s with 4 s replays
          phase(
              "read",
              2,
              CartPhases::read,
              s -> load(s.warmUp(), s.measure(), 4).plus(replays(s, 2))),
          // 7 s with five shoppers, three now
          phase("capacity", 5, CartPhases::capacity, s -> Duration.ofSeconds(4)),
          // 10 s
          phase(
              "transaction-cost",
              5,
              TransactionCost::run,
              s -> TransactionCost.REPLAY.plusSeconds(1).multipliedBy(2).plusSeconds(2)),
          // 12 s
          phase("warm-idle", 5, Baseline::warmIdle, s -> s.warmIdle().plusSeconds(2)),
          // 17 s with 50 orders: ten a second, then the other services resume and settle them
          phase(
              "order-creation", 3, OrderCreation::run, s -> seconds(12 + s.createdOrders() / 10.0)),
          // 20 s
          phase("checkout", 4, Checkouts::atFiveOrdersPerSecond, s -> s.mixed().plusSeconds(8)),
          // 31 s with 16/s for 4 s
          new Phase(
              "saga",
              7,
              Checkouts::sagaRates,
              s ->
                  s.sagaRates().stream()
                      .map(Phases::sagaRate)
                      .reduce(Duration.ZERO, Duration::plus),
              true),
          // 7 s with a 4 s ceiling
          phase("messaging-ceiling", 4, MessagingCeiling::run, s -> s.ceiling().plusSeconds(4)),
          // 18 s with 8 s and 4 s of appends
          phase(
              "relay",
              7,
              RelayPhase::run,
              s -> s.relayPhase().multipliedBy(2).plus(RelayPhase.SLOW_EXTRA).plusSeconds(6)),
          // 3 s
          phase("memory", 6, Memory::afterLoad, s -> Duration.ofSeconds(3)),
          // 4 s
          phase("spa", 8, SpaPhase::run, s -> s.spa() ? Duration.ofSeconds(6) : Duration.ZERO),
          // 16 s: the bulk load and ANALYZE about 6 s, the search, the delete
          phase(
              "search-at-scale",
              7,
              SearchPhase::atScale,
              s -> load(s.warmUp(), s.measure().dividedBy(2), 9)),
          // 173 s: training 94 s, then 15–16 s per service
          new Phase(
              "startup",
              6,
              StartupPhase::run,
              s ->
                  s.startup()
                      ? StartupPlan.of(Run.SERVICES, Duration.ofDays(1)).expected()
                      : Duration.ZERO,
              true));

  private Phases() {}

  private static Phase phase(
      String name, int section, Body body, Function<Settings, Duration> expected) {
    return new Phase(name, section, body, expected, false);
  }

  /**
   * One saga rate: the checkouts offered, then their settling, the saga confirming about 5 orders a
   * second at saturation on moto (4.1/s at a load average of 5).
   */
  static Duration sagaRate(Settings.SagaRate rate) {
    return rate.length().plus(seconds(2 + rate.orders() / 5.0));
  }

  /** Every phase's expected time with {@code settings}, the shop's start not included. */
  static Duration expected(Settings settings) {
    return ALL.stream()
        .map(p -> p.expected().apply(settings))
        .reduce(Duration.ZERO, Duration::plus);
  }

  static List<String> names() {
    return ALL.stream().map(Phase::name).toList();
  }

  /** A load's warm-up and measure, and {@code seconds} around them. */
  private static Duration load(Duration warmUp, Duration measure, int seconds) {
    return warmUp.plus(measure).plusSeconds(seconds);
  }

  /** {@code count} replays straight to moto, each a second of warm-up and the ceiling's length. */
  private static Duration replays(Settings s, int count) {
    return s.ceiling().plusSeconds(1).multipliedBy(count);
  }

  private static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
