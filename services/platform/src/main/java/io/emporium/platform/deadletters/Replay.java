package io.emporium.platform.deadletters;

import io.emporium.platform.deadletters.ReplayReport.Moved;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Moves matching dead letters back to their source queue in one bounded pass ({@link
 * SnapshotPass}): send (same body and attributes, marked with the pass id and the replay count),
 * then delete with a receipt handle known to be current. A crash between the two leaves a copy in
 * both queues, never in neither; consumers are idempotent. A message this pass sent back that
 * failed again is reported and left in the DLQ, not cycled.
 */
final class Replay {

  private final SqsClient sqs;
  private final DeadLetterQueue queue;
  private final ReplayRequest request;
  private final Duration visibility;
  private final Clock clock;
  private final String passId;
  private final RateLimit rate;
  private final List<Moved> moved = new ArrayList<>();
  private final List<Moved> failedAgain = new ArrayList<>();
  private final List<Moved> duplicated = new ArrayList<>();
  private final List<Moved> notMoved = new ArrayList<>();
  private final Set<String> idsFound = new HashSet<>();
  private SnapshotPass pass;

  Replay(
      SqsClient sqs,
      DeadLetterQueue queue,
      ReplayRequest request,
      String passId,
      Duration visibility,
      Clock clock) {
    this.sqs = sqs;
    this.passId = passId;
    this.queue = queue;
    this.request = request;
    this.visibility = visibility;
    this.clock = clock;
    this.rate = RateLimit.of(request.perSecond());
  }

  String passId() {
    return passId;
  }

  ReplayReport run(int snapshot, Consumer<ReplayProgress> progress) {
    pass = new SnapshotPass(sqs, queue.url(), visibility, clock);
    int seen =
        pass.run(
            snapshot,
            rate.batchSize(),
            this::done,
            letter -> !passId.equals(letter.replayPass()),
            fresh -> handle(fresh, snapshot, progress));
    return report(snapshot, seen);
  }

  /** What this replay did until now: for the audit of a replay that ended early. */
  ReplayReport report(int snapshot, int seen) {
    return new ReplayReport(
        queue.name(),
        queue.source(),
        passId,
        "pass",
        request.dryRun(),
        snapshot,
        seen,
        moved.size(),
        List.copyOf(moved),
        List.copyOf(failedAgain),
        List.copyOf(duplicated),
        List.copyOf(notMoved),
        -1);
  }

  private boolean done() {
    boolean limitReached = request.limit() > 0 && moved.size() >= request.limit();
    Set<String> ids = request.filter().ids();
    boolean allNamedFound =
        !ids.isEmpty() && request.filter().types().isEmpty() && idsFound.containsAll(ids);
    return limitReached || allNamedFound;
  }

  private Set<String> handle(List<Lease> fresh, int snapshot, Consumer<ReplayProgress> progress) {
    List<Lease> chosen = new ArrayList<>();
    for (Lease lease : fresh) {
      DeadLetter letter = lease.letter();
      if (passId.equals(letter.replayPass())) {
        failedAgain.add(Moved.of(letter));
      } else if (request.filter().matches(letter, clock.instant()) && !limitReachedWith(chosen)) {
        chosen.add(lease);
        idsFound.add(letter.messageId());
        idsFound.add(letter.eventId());
        idsFound.add(letter.origin());
      }
    }
    if (request.dryRun()) {
      chosen.forEach(l -> moved.add(Moved.of(l.letter())));
      progress.accept(new ReplayProgress(snapshot, moved.size(), failedAgain.size(), null));
      return Set.of();
    }
    Set<String> gone = move(chosen);
    progress.accept(new ReplayProgress(snapshot, moved.size(), failedAgain.size(), null));
    return gone;
  }

  private boolean limitReachedWith(List<Lease> chosen) {
    return request.limit() > 0 && moved.size() + chosen.size() >= request.limit();
  }

  /** Sends {@code chosen} to the source queue, then deletes from the DLQ what was sent. */
  private Set<String> move(List<Lease> chosen) {
    List<Lease> secured = new ArrayList<>();
    for (Lease lease : chosen) {
      if (pass.secure(lease)) {
        secured.add(lease);
      } else {
        notMoved.add(Moved.of(lease.letter()));
      }
    }
    if (secured.isEmpty()) {
      return Set.of();
    }
    secured.forEach(l -> rate.acquire());
    Map<String, Lease> byEntry = new HashMap<>();
    List<SendMessageBatchRequestEntry> sends = new ArrayList<>();
    for (Lease lease : secured) {
      String id = Integer.toString(sends.size());
      byEntry.put(id, lease);
      sends.add(
          SendMessageBatchRequestEntry.builder()
              .id(id)
              .messageBody(lease.message().body())
              .messageAttributes(marked(lease))
              .build());
    }
    SendMessageBatchResponse sent =
        sqs.sendMessageBatch(b -> b.queueUrl(queue.sourceUrl()).entries(sends));
    sent.failed().forEach(f -> notMoved.add(Moved.of(byEntry.get(f.id()).letter())));
    List<Lease> toDelete = sent.successful().stream().map(s -> byEntry.get(s.id())).toList();
    return delete(toDelete);
  }

  private Set<String> delete(List<Lease> leases) {
    Set<Lease> failed = pass.delete(leases);
    Set<String> gone = new HashSet<>();
    for (Lease lease : leases) {
      DeadLetter letter = lease.letter();
      moved.add(Moved.of(letter));
      if (failed.contains(lease)) {
        duplicated.add(Moved.of(letter)); // still held: this pass will not move it again
      } else {
        gone.add(letter.messageId());
      }
    }
    return gone;
  }

  private Map<String, MessageAttributeValue> marked(Lease lease) {
    DeadLetter letter = lease.letter();
    Map<String, MessageAttributeValue> attributes =
        new HashMap<>(lease.message().messageAttributes());
    attributes.put(DeadLetter.PASS, text(passId));
    attributes.put(DeadLetter.ORIGIN, text(letter.origin()));
    attributes.put(
        DeadLetter.REPLAYS,
        MessageAttributeValue.builder()
            .dataType("Number")
            .stringValue(Integer.toString(letter.replays() + 1))
            .build());
    return attributes;
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
