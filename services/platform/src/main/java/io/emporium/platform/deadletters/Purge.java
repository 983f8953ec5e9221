package io.emporium.platform.deadletters;

import io.emporium.platform.deadletters.ReplayReport.Moved;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;

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
    Set<Lease> failed = pass.delete(secured);
    Set<String> gone = new HashSet<>();
    for (Lease lease : secured) {
      if (!failed.contains(lease)) {
        DeadLetter letter = lease.letter();
        deleted.add(Moved.of(letter));
        bodies.add(letter.body());
        gone.add(letter.messageId());
      }
    }
    return gone;
  }
}
