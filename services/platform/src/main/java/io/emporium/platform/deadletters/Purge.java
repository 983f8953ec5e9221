package io.emporium.platform.deadletters;

import io.emporium.platform.deadletters.ReplayReport.Moved;
import io.emporium.platform.deadletters.SnapshotPass.Lease;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/** Deletes the named dead letters in one bounded pass (or only finds them, unconfirmed). */
final class Purge {

  private final SqsClient sqs;
  private final DeadLetterQueue queue;
  private final LetterFilter filter;
  private final boolean confirmed;
  private final Clock clock;
  private final Duration visibility;
  private final List<Moved> deleted = new ArrayList<>();
  private final List<String> bodies = new ArrayList<>();
  private final Set<String> found = new HashSet<>();

  Purge(
      SqsClient sqs,
      DeadLetterQueue queue,
      Set<String> ids,
      boolean confirmed,
      Duration visibility,
      Clock clock) {
    this.sqs = sqs;
    this.queue = queue;
    this.filter = LetterFilter.ofIds(ids);
    this.confirmed = confirmed;
    this.visibility = visibility;
    this.clock = clock;
  }

  PurgeReport run(int snapshot) {
    SnapshotPass pass = new SnapshotPass(sqs, queue.url(), visibility, clock);
    pass.run(
        snapshot,
        10,
        () -> found.containsAll(filter.ids()),
        letter -> true,
        fresh -> {
          List<Lease> chosen =
              fresh.stream().filter(l -> filter.matches(l.letter(), clock.instant())).toList();
          chosen.forEach(l -> remember(l.letter()));
          if (!confirmed) {
            chosen.forEach(l -> deleted.add(Moved.of(l.letter())));
            return Set.of();
          }
          return delete(pass, chosen);
        });
    Set<String> notFound = new HashSet<>(filter.ids());
    notFound.removeAll(found);
    return new PurgeReport(queue.name(), confirmed, deleted, bodies, notFound);
  }

  private void remember(DeadLetter letter) {
    found.add(letter.messageId());
    found.add(letter.eventId());
    found.add(letter.origin());
  }

  private Set<String> delete(SnapshotPass pass, List<Lease> chosen) {
    List<Lease> secured = chosen.stream().filter(pass::secure).toList();
    if (secured.isEmpty()) {
      return Set.of();
    }
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
    for (Lease lease : secured) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(entries.size()))
              .receiptHandle(lease.receiptHandle())
              .build());
    }
    var response = sqs.deleteMessageBatch(b -> b.queueUrl(queue.url()).entries(entries));
    Set<String> failed = new HashSet<>();
    response.failed().forEach(f -> failed.add(f.id()));
    Set<String> gone = new HashSet<>();
    for (int i = 0; i < secured.size(); i++) {
      if (!failed.contains(Integer.toString(i))) {
        DeadLetter letter = secured.get(i).letter();
        deleted.add(Moved.of(letter));
        bodies.add(letter.body());
        gone.add(letter.messageId());
      }
    }
    return gone;
  }
}
