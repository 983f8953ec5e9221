package io.emporium.platform.deadletters;

import java.util.List;

/**
 * What a replay did.
 *
 * @param passId the id this replay marked its messages with ({@code emporium-dlq-pass})
 * @param method {@code pass} (receive, send, delete) or {@code move-task} (SQS
 *     StartMessageMoveTask)
 * @param snapshot visible messages in the DLQ when the replay began
 * @param count how many moved (would move, in a dry run); a move task reports only this
 * @param moved the messages sent back to the source queue and deleted from the DLQ (would move, in
 *     a dry run)
 * @param failedAgain messages this replay sent back that came back to the DLQ (not moved again)
 * @param duplicated sent back, but their deletion failed: still in the DLQ too (harmless: consumers
 *     are idempotent)
 * @param notMoved matched but not moved (their lease expired, or SQS refused the send)
 * @param remaining visible messages in the DLQ afterwards
 */
public record ReplayReport(
    String queue,
    String source,
    String passId,
    String method,
    boolean dryRun,
    int snapshot,
    int seen,
    int count,
    List<Moved> moved,
    List<Moved> failedAgain,
    List<Moved> duplicated,
    List<Moved> notMoved,
    int remaining) {

  /** One message of a report: its DLQ message id, event id, type and subject. */
  public record Moved(String messageId, String eventId, String type, String subject) {
    static Moved of(DeadLetter letter) {
      return new Moved(letter.messageId(), letter.eventId(), letter.type(), letter.subject());
    }
  }
}
