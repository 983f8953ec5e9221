package io.emporium.chaos.proxy;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the proxy does to the AWS calls passing through it right now: nothing; an outage (no call is
 * answered: each is held until the outage ends, then its connection is cut, as when the network to
 * the endpoint is gone); a share of calls answered with throttling or 5xx errors; duplicated and
 * delayed SQS deliveries. Thread-safe: the suite switches faults while the load runs.
 */
public final class AwsFaults {

  private volatile Instant outageFrom = Instant.MIN;
  private volatile Instant outageUntil = Instant.MIN;
  private volatile double errorRate;
  private volatile double duplicateRate;
  private volatile double delayRate;
  private final AtomicLong held = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong delayed = new AtomicLong();

  /** No call is answered until {@code until}. */
  public void outageUntil(Instant until) {
    outageFrom = Instant.now();
    outageUntil = until;
  }

  /** {@code rate} (0..1) of calls fail: half throttled, half with a 5xx. */
  public void errorRate(double rate) {
    errorRate = rate;
  }

  /**
   * Of the messages SQS hands out, {@code duplicateRate} are delivered once more a few seconds
   * later, and {@code delayRate} are withheld from the consumer (SQS delivers them again after the
   * visibility timeout: later than messages sent after them).
   */
  public void tamperDeliveries(double duplicateRate, double delayRate) {
    this.duplicateRate = duplicateRate;
    this.delayRate = delayRate;
  }

  /** Back to a healthy endpoint (outages end now). */
  public void clear() {
    outageUntil = Instant.MIN;
    errorRate = 0;
    duplicateRate = 0;
    delayRate = 0;
  }

  public boolean outage() {
    return Instant.now().isBefore(outageUntil);
  }

  /** True when an outage began after {@code started} and still lasts: the answer is lost too. */
  boolean outageBegunSince(Instant started) {
    return outage() && outageFrom.isAfter(started);
  }

  Instant outageEnds() {
    return outageUntil;
  }

  /** The error to answer this call with, if it is one of the failing share. */
  AwsError drawError() {
    double rate = errorRate;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (rate <= 0 || random.nextDouble() >= rate) {
      return null;
    }
    errors.incrementAndGet();
    return AwsError.values()[random.nextInt(AwsError.values().length)];
  }

  boolean drawDuplicate() {
    return draw(duplicateRate, duplicates);
  }

  boolean drawDelay() {
    return draw(delayRate, delayed);
  }

  void countHeld() {
    held.incrementAndGet();
  }

  private static boolean draw(double rate, AtomicLong counter) {
    boolean drawn = rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    if (drawn) {
      counter.incrementAndGet();
    }
    return drawn;
  }

  /** What was injected so far: calls held by outages, errors, duplicated and delayed messages. */
  public Injected injected() {
    return new Injected(held.get(), errors.get(), duplicates.get(), delayed.get());
  }

  /** Counts of injected faults. */
  public record Injected(long held, long errors, long duplicates, long delayed) {

    public Injected minus(Injected before) {
      return new Injected(
          held - before.held,
          errors - before.errors,
          duplicates - before.duplicates,
          delayed - before.delayed);
    }
  }
}
