package io.emporium.platform.deadletters;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation on dead letters, as the audit keeps it.
 *
 * @param who the AWS principal (STS GetCallerIdentity ARN) or {@code token:<subject>} of an admin
 * @param action {@code replay-started} (before a replay moves anything), {@code replay} (when it
 *     ended), or {@code purge}
 * @param queue the DLQ, or {@code outbox:<service>} for the dead letters of a service's outbox
 * @param filter the filter as typed ({@code (all)} when none)
 * @param count how many messages it moved or deleted
 * @param ids their SQS message ids (event ids for outbox rows); empty for an SQS move task
 * @param detail what else matters: the replay's pass id ({@code pass=<id>}, on its started and its
 *     end record), the method, failed again, bodies of purged messages
 */
public record AuditRecord(
    String id,
    Instant at,
    String who,
    String via,
    String action,
    String queue,
    String filter,
    int count,
    List<String> ids,
    String detail) {

  private static final Pattern PASS = Pattern.compile("\\bpass=(\\S+)");

  public AuditRecord {
    ids = List.copyOf(ids);
  }

  /** The pass id of a replay's record (null for other records). */
  public String pass() {
    Matcher pass = detail == null ? null : PASS.matcher(detail);
    return pass != null && pass.find() ? pass.group(1) : null;
  }

  /** Whether this is a replay's started record. */
  public boolean replayStarted() {
    return ReplayAudit.STARTED.equals(action);
  }
}
