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

  /**
   * The training runs at once: extracting the jars and five Spring contexts refreshed together on
   * two shared cores, each then writing its cache (about 40 s measured; the rest is margin).
   */
  static final Duration TRAINING = Duration.ofSeconds(60);

  /** One service's two measured starts: ready in 3–6 s each, 200 requests, killed (about 15 s). */
  static final Duration PER_SERVICE = Duration.ofSeconds(20);

  /**
   * Every service whose measured starts fit in {@code left} after the training runs, in order; the
   * others are skipped. Nothing is measured when the training runs do not fit with one service.
   */
  static StartupPlan of(List<String> services, Duration left) {
    Duration afterTraining = left.minus(TRAINING);
    int fit =
        afterTraining.isNegative()
            ? 0
            : (int) Math.min(services.size(), afterTraining.dividedBy(PER_SERVICE));
    return new StartupPlan(
        List.copyOf(services.subList(0, fit)), List.copyOf(services.subList(fit, services.size())));
  }

  /** How long the plan is expected to take. */
  Duration expected() {
    return measured.isEmpty()
        ? Duration.ZERO
        : TRAINING.plus(PER_SERVICE.multipliedBy(measured.size()));
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
