package io.emporium.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 6's runs and what fits of them: the training runs of every service measured, all at once
 * (they are not measured: each writes its AOT cache and exits after the context refresh), then each
 * service's two measured starts one at a time, without the cache then with it, so that no measured
 * start shares the machine with another JVM starting.
 *
 * @param measured the services whose starts are measured, in order
 * @param skipped the services that do not fit in the time left
 */
record StartupPlan(List<String> measured, List<String> skipped) {

  /** What each run is for. */
  enum Kind {
    TRAINING,
    WITHOUT_CACHE,
    WITH_CACHE
  }

  /** One JVM start: training runs of one step run together, measured ones alone. */
  record Step(Kind kind, List<String> services) {}

  /** Extracting the jars, all at once, before the training runs (about 5 s). */
  static final Duration EXTRACTING = Duration.ofSeconds(5);

  /**
   * What each training run adds to the training step: they run at once, but each is a Spring
   * context refresh with the full JIT, then the writing of its cache by the JVM and a child JVM,
   * about 38 s of CPU, on two cores (five took 94 s, on an otherwise idle machine and at a load
   * average of 5 alike).
   */
  static final Duration TRAINING_EACH = Duration.ofSeconds(18);

  /**
   * One service's two measured starts: ready in 7–8 s and 3.5–4.5 s, 100 requests each, killed
   * (15–16 s with 200 requests).
   */
  static final Duration PER_SERVICE = Duration.ofSeconds(15);

  /**
   * Every service whose training run and measured starts fit in {@code left}, in order; the others
   * are skipped (and not trained).
   */
  static StartupPlan of(List<String> services, Duration left) {
    Duration afterExtracting = left.minus(EXTRACTING);
    int fit =
        afterExtracting.isNegative()
            ? 0
            : (int)
                Math.min(
                    services.size(), afterExtracting.dividedBy(TRAINING_EACH.plus(PER_SERVICE)));
    return new StartupPlan(
        List.copyOf(services.subList(0, fit)), List.copyOf(services.subList(fit, services.size())));
  }

  /** How long {@code services} training runs at once take, extracting their jars included. */
  static Duration training(int services) {
    return EXTRACTING.plus(TRAINING_EACH.multipliedBy(services));
  }

  /** How long the plan is expected to take. */
  Duration expected() {
    return measured.isEmpty()
        ? Duration.ZERO
        : training(measured.size()).plus(PER_SERVICE.multipliedBy(measured.size()));
  }

  /** The runs in order: one step of every training run, then two steps per service. */
  List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    if (measured.isEmpty()) {
      return steps;
    }
    steps.add(new Step(Kind.TRAINING, measured));
    for (String service : measured) {
      steps.add(new Step(Kind.WITHOUT_CACHE, List.of(service)));
      steps.add(new Step(Kind.WITH_CACHE, List.of(service)));
    }
    return steps;
  }
}
