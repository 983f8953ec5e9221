package io.emporium.chaos.faults;

import io.emporium.chaos.stack.ChaosStack;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * What a fault acts on: the stack, when the phase's load started and how long it lasts, a random
 * source (seeded: a run can be repeated), where injected poison is recorded, and progress output.
 */
public record FaultContext(
    ChaosStack stack,
    Instant loadStarted,
    Duration loadLasts,
    RandomGenerator random,
    PoisonLog poison,
    Consumer<String> progress) {

  /** Sleeps until {@code offset} after the load started. */
  public void sleepUntil(Duration offset) throws InterruptedException {
    Duration left = Duration.between(Instant.now(), loadStarted.plus(offset));
    if (left.isPositive()) {
      Thread.sleep(left);
    }
  }

  /** A random moment within the first {@code share} of the load. */
  public Duration randomMoment(double share) {
    long span = (long) (loadLasts.toMillis() * share);
    return Duration.ofMillis(span <= 0 ? 0 : random.nextLong(span));
  }

  public void say(String line) {
    progress.accept(line);
  }
}
