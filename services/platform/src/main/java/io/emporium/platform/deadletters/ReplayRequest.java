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
 *     (null: not at all)
 * @param moveTask use SQS StartMessageMoveTask when the request is unfiltered, awaits no outcome
 *     and the endpoint has it
 */
public record ReplayRequest(
    String queue,
    LetterFilter filter,
    int limit,
    double perSecond,
    boolean dryRun,
    Duration awaitOutcome,
    boolean moveTask) {

  public ReplayRequest {
    awaitOutcome = awaitOutcome == null ? Duration.ZERO : awaitOutcome;
  }

  public static ReplayRequest all(String queue) {
    return new ReplayRequest(queue, LetterFilter.all(), 0, 0, false, Duration.ZERO, true);
  }

  /** Nothing narrows it: the whole DLQ, at most at a rate — what SQS's move task does. */
  boolean unfiltered() {
    return filter.isEmpty() && limit == 0 && !dryRun;
  }

  /**
   * Whether SQS's move task may do this replay: it moves the whole DLQ, but it marks no message and
   * reports only a count, so it cannot tell which failed again. A replay that awaits its outcome
   * therefore takes the pass, whose messages carry its pass id.
   */
  boolean byMoveTask() {
    return moveTask && unfiltered() && !awaitOutcome.isPositive();
  }
}
