package io.emporium.platform.deadletters;

import io.emporium.platform.messaging.outbox.OutboxDeadLetter;
import io.emporium.platform.messaging.outbox.OutboxDeadLetters;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * On-call's view of one service's outbox dead letters, named {@code outbox:<service>} beside the
 * DLQs: list them, and replay them — put them back to pending so that the relay publishes them —
 * with the same filters and the same audit as a DLQ replay.
 */
public final class OutboxLetters {

  /** What names a service's outbox where a DLQ could be named: {@code outbox:order}. */
  public static final String PREFIX = "outbox:";

  private final OutboxDeadLetters deadLetters;
  private final AuditLog audit;
  private final String service;
  private final Clock clock;

  public OutboxLetters(OutboxDeadLetters deadLetters, AuditLog audit, String service, Clock clock) {
    this.deadLetters = deadLetters;
    this.audit = audit;
    this.service = service;
    this.clock = clock;
  }

  /** {@code outbox:<service>}. */
  public static String name(String service) {
    return PREFIX + service;
  }

  /** The service {@code name} names, or null when it names no outbox. */
  public static String serviceOf(String name) {
    return name != null && name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : null;
  }

  /** How many dead letters, the oldest, and up to {@code max} of them, oldest first. */
  public Mono<OutboxListing> list(int max) {
    return deadLetters
        .list()
        .collectList()
        .map(
            all ->
                new OutboxListing(
                    name(service),
                    service,
                    deadLetters.store(),
                    all.size(),
                    all.stream()
                        .map(OutboxDeadLetter::createdAt)
                        .min(Comparator.naturalOrder())
                        .orElse(null),
                    all.subList(0, Math.min(max, all.size()))));
  }

  /**
   * Puts the dead letters {@code filter} names (at most {@code limit}; 0: no limit) back to
   * pending; a dry run only reports them. Every replay but a dry run is audited, as a DLQ replay.
   */
  public Mono<OutboxReplayReport> replay(
      LetterFilter filter, int limit, boolean dryRun, Actor actor) {
    Instant now = clock.instant();
    return deadLetters
        .list()
        .filter(letter -> filter.matches(letter, now))
        .take(limit > 0 ? limit : Long.MAX_VALUE)
        .collectList()
        .flatMap(
            matched ->
                dryRun
                    ? Mono.just(report(filter, true, matched, matched))
                    : deadLetters
                        .requeue(matched.stream().map(OutboxDeadLetter::eventId).toList())
                        .collectList()
                        .map(requeued -> report(filter, false, matched, requeued))
                        .flatMap(report -> record(report, filter, actor)));
  }

  private OutboxReplayReport report(
      LetterFilter filter,
      boolean dryRun,
      List<OutboxDeadLetter> matched,
      List<OutboxDeadLetter> replayed) {
    var replayedIds = replayed.stream().map(l -> l.eventId().toString()).toList();
    var notFound = filter.ids().stream().filter(id -> !replayedIds.contains(id)).sorted().toList();
    var gone =
        matched.stream()
            .filter(l -> !replayedIds.contains(l.eventId().toString()))
            .map(OutboxDeadLetter::eventId)
            .toList();
    return new OutboxReplayReport(
        name(service),
        service,
        deadLetters.store(),
        dryRun,
        filter.describe(),
        replayed.size(),
        replayed,
        notFound,
        gone);
  }

  private Mono<OutboxReplayReport> record(
      OutboxReplayReport report, LetterFilter filter, Actor actor) {
    var record =
        new AuditRecord(
            UUID.randomUUID().toString(),
            clock.instant(),
            actor.who(),
            actor.via(),
            "replay",
            report.outbox(),
            filter.describe(),
            report.count(),
            report.replayed().stream().map(l -> l.eventId().toString()).toList(),
            "method=outbox-requeue store=" + report.store());
    return Mono.fromRunnable(() -> audit.append(record))
        .subscribeOn(Schedulers.boundedElastic())
        .thenReturn(report);
  }

  /**
   * A service's outbox dead letters.
   *
   * @param count how many there are (at most {@link OutboxDeadLetters#CAP})
   * @param oldestCreatedAt when the oldest was written, null when there is none
   * @param letters the oldest of them, as many as asked for
   */
  public record OutboxListing(
      String outbox,
      String service,
      String store,
      int count,
      Instant oldestCreatedAt,
      List<OutboxDeadLetter> letters) {}

  /**
   * What an outbox replay did.
   *
   * @param count how many were put back to pending (would be, in a dry run)
   * @param replayed those dead letters, as they were
   * @param notFound ids the filter named that were not put back (not a dead letter of this outbox)
   * @param changedMeanwhile matched but no longer dead letters when the replay came to them (put
   *     back by someone else, or removed)
   */
  public record OutboxReplayReport(
      String outbox,
      String service,
      String store,
      boolean dryRun,
      String filter,
      int count,
      List<OutboxDeadLetter> replayed,
      List<String> notFound,
      List<UUID> changedMeanwhile) {}
}
