package io.emporium.platform.deadletters;

import io.emporium.platform.deadletters.QueueDirectory.QueueStats;
import io.emporium.platform.deadletters.ReplayReport.Moved;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The operations on-call has on dead letters — list, show, replay, purge, audit — for the {@code
 * ./emporium dlq} command (the operator's AWS credentials) and each service's admin API (the
 * service's role, an admin's token). Blocking: callers on an event loop run it on boundedElastic.
 * Every replay and purge that changes something appends an audit record.
 */
public final class DeadLetters {

  /** How long a pass holds a message it has read (extended while it runs). */
  public static final Duration VISIBILITY = Duration.ofSeconds(60);

  private static final Duration MOVE_TASK_LIMIT = Duration.ofHours(2);
  private static final Duration MOVE_TASK_POLL = Duration.ofMillis(500);

  private final SqsClient sqs;
  private final QueueDirectory directory;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration visibility;

  public DeadLetters(
      SqsClient sqs, QueueDirectory directory, AuditLog audit, Clock clock, Duration visibility) {
    this.sqs = sqs;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
    this.visibility = visibility;
  }

  public QueueDirectory directory() {
    return directory;
  }

  /** Every DLQ of the environment (of one consumer when not null). */
  public List<QueueStats> list(String consumer) {
    return directory.list(consumer);
  }

  /** The DLQ and up to {@code max} of its messages, read and left in place. */
  public Shown show(String queue, int max) {
    DeadLetterQueue dlq = directory.resolve(queue);
    int depth = directory.depth(dlq.url());
    return new Shown(dlq, depth, peek().letters(dlq, depth, max));
  }

  /**
   * The DLQ and up to {@code max} of the messages replay {@code passId} sent back that failed again
   * (they carry its pass id): the outcome of a replay, seen after the consumer's retries ran out.
   */
  public Shown show(String queue, int max, String passId) {
    DeadLetterQueue dlq = directory.resolve(queue);
    int depth = directory.depth(dlq.url());
    return new Shown(dlq, depth, peek().letters(dlq, depth, max, Peek.ofPass(passId)));
  }

  /**
   * Replays as asked: by SQS's move task when {@link ReplayRequest#byMoveTask()} and the endpoint
   * has it, else by a pass. Audited before anything moves and when it ends (see {@link
   * ReplayAudit}).
   */
  public ReplayReport replay(
      ReplayRequest request, Actor actor, Consumer<ReplayProgress> progress) {
    DeadLetterQueue dlq = directory.resolve(request.queue());
    int snapshot = directory.depth(dlq.url());
    Replay replay = new Replay(sqs, dlq, request, UUID.randomUUID().toString(), visibility, clock);
    ReplayAudit trail = new ReplayAudit(audit, clock, actor, dlq.name(), request, replay.passId());
    trail.started(snapshot);
    ReplayReport report = null;
    Throwable failure = null;
    try {
      if (request.byMoveTask()) {
        report = byMoveTask(dlq, request, replay.passId(), snapshot, progress);
      }
      if (report == null) {
        report = byPass(replay, dlq, request, snapshot, progress);
      }
      return report;
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      trail.ended(report != null ? report : replay.report(snapshot, -1), failure);
    }
  }

  /** Deletes the named dead letters for good; unconfirmed, only tells which it would delete. */
  public PurgeReport purge(String queue, Set<String> ids, boolean confirmed, Actor actor) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("name the messages to purge (--id)");
    }
    DeadLetterQueue dlq = directory.resolve(queue);
    PurgeReport report =
        new Purge(sqs, dlq, ids, confirmed, visibility, clock).run(directory.depth(dlq.url()));
    if (confirmed) {
      audit.append(
          new AuditRecord(
              UUID.randomUUID().toString(),
              clock.instant(),
              actor.who(),
              actor.via(),
              "purge",
              dlq.name(),
              LetterFilter.ofIds(ids).describe(),
              report.deleted().size(),
              report.deleted().stream().map(Moved::messageId).toList(),
              "bodies: " + report.bodies()));
    }
    return report;
  }

  public List<AuditRecord> audit(Instant since, int limit) {
    return audit.read(since, limit);
  }

  private ReplayReport byMoveTask(
      DeadLetterQueue dlq,
      ReplayRequest request,
      String passId,
      int snapshot,
      Consumer<ReplayProgress> progress) {
    MoveTask task = new MoveTask(sqs, dlq, clock, MOVE_TASK_POLL);
    var handle = task.start(request.perSecond());
    if (handle.isEmpty()) {
      progress.accept(
          new ReplayProgress(
              snapshot, 0, 0, "no StartMessageMoveTask here: receive, send, delete"));
      return null;
    }
    progress.accept(
        new ReplayProgress(snapshot, 0, 0, "SQS move task " + handle.get() + " started"));
    int moved = MoveTask.moved(task.await(handle.get(), MOVE_TASK_LIMIT, progress));
    return new ReplayReport(
        dlq.name(),
        dlq.source(),
        passId,
        "move-task",
        false,
        snapshot,
        moved,
        moved,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        directory.depth(dlq.url()));
  }

  private ReplayReport byPass(
      Replay replay,
      DeadLetterQueue dlq,
      ReplayRequest request,
      int snapshot,
      Consumer<ReplayProgress> progress) {
    ReplayReport report = replay.run(snapshot, progress);
    List<Moved> failedAgain = new ArrayList<>(report.failedAgain());
    if (!request.dryRun() && report.count() > 0 && request.awaitOutcome().isPositive()) {
      failedAgain =
          peek().failedAgain(dlq, replay.passId(), report.count(), request.awaitOutcome());
      progress.accept(
          new ReplayProgress(snapshot, report.count(), failedAgain.size(), "outcome awaited"));
    }
    return new ReplayReport(
        report.queue(),
        report.source(),
        report.passId(),
        report.method(),
        report.dryRun(),
        report.snapshot(),
        report.seen(),
        report.count(),
        report.moved(),
        failedAgain,
        report.duplicated(),
        report.notMoved(),
        directory.depth(dlq.url()));
  }

  private Peek peek() {
    return new Peek(sqs, directory, visibility, clock);
  }

  /** A DLQ, how many messages it holds, and those read. */
  public record Shown(DeadLetterQueue queue, int depth, List<DeadLetter> letters) {}
}
