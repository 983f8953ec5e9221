package io.emporium.platform.deadletters;

import java.time.Duration;

/**
 * A replay as on-call asks for it.
 *
 * @param queue the DLQ or its source queue
 * @param limit move at most this many (0: no limit)
 * @param perSecond move at most this many a second (0: as fast as SQS takes them)
 * @param dryRun report what would move, change nothing
 * @param awaitOutcome after moving, watch the DLQ this long for replayed messages that fail again
 * @param moveTask use SQS StartMessageMoveTask when the request is unfiltered and the endpoint has
 *     it
 */
public record ReplayRequest(
    String queue,
    LetterFilter filter,
    int limit,
    double perSecond,
    boolean dryRun,
    Duration awaitOutcome,
    boolean moveTask) {

  public static ReplayRequest all(String queue) {
    return new ReplayRequest(queue, LetterFilter.all(), 0, 0, false, Duration.ZERO, true);
  }

  /** Nothing narrows it: the whole DLQ, at most at a rate — what SQS's move task does. */
  boolean unfiltered() {
    return filter.isEmpty() && limit == 0 && !dryRun;
  }
}
