package io.emporium.platform.deadletters;

import io.emporium.platform.deadletters.ReplayReport.Moved;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The audit of one replay: a {@code replay-started} record before anything moves (who, when, queue,
 * filter, pass id), and a {@code replay} record with the counts and ids when it ends — also when it
 * ends by an error. A replay killed midway leaves its started record without an end: {@code dlq
 * audit} shows it as unfinished. Both carry {@code pass=<id>} in their detail. Dry runs change
 * nothing and are not recorded.
 */
final class ReplayAudit {

  static final String STARTED = "replay-started";
  static final String ENDED = "replay";

  private final AuditLog audit;
  private final Clock clock;
  private final Actor actor;
  private final String queue;
  private final ReplayRequest request;
  private final String passId;

  ReplayAudit(
      AuditLog audit,
      Clock clock,
      Actor actor,
      String queue,
      ReplayRequest request,
      String passId) {
    this.audit = audit;
    this.clock = clock;
    this.actor = actor;
    this.queue = queue;
    this.request = request;
    this.passId = passId;
  }

  void started(int snapshot) {
    if (!request.dryRun()) {
      append(
          STARTED,
          0,
          List.of(),
          "pass=%s snapshot=%d limit=%d rate=%s await=%s"
              .formatted(
                  passId, snapshot, request.limit(), request.perSecond(), request.awaitOutcome()));
    }
  }

  /**
   * Records the end: {@code report} is what the replay did (up to the failure, when {@code failure}
   * is not null). An audit write that fails while a failure propagates is added to it as
   * suppressed, so that the first error is the one reported.
   */
  void ended(ReplayReport report, Throwable failure) {
    if (request.dryRun()) {
      return;
    }
    String failed =
        report.failedAgain().stream().map(Moved::messageId).collect(Collectors.joining(","));
    String detail =
        "method="
            + report.method()
            + " pass="
            + passId
            + (failed.isEmpty() ? "" : " failedAgain=" + failed)
            + (failure == null ? "" : " endedEarly=" + failure);
    try {
      append(ENDED, report.count(), report.moved().stream().map(Moved::messageId).toList(), detail);
    } catch (RuntimeException auditFailed) {
      if (failure == null) {
        throw auditFailed;
      }
      failure.addSuppressed(auditFailed);
    }
  }

  private void append(String action, int count, List<String> ids, String detail) {
    audit.append(
        new AuditRecord(
            UUID.randomUUID().toString(),
            clock.instant(),
            actor.who(),
            actor.via(),
            action,
            queue,
            request.filter().describe(),
            count,
            ids,
            detail));
  }
}
