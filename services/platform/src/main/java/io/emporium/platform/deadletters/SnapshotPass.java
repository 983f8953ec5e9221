package io.emporium.platform.deadletters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * One bounded pass over a snapshot of a DLQ. It counts the visible messages first, then receives
 * until it has seen that many distinct messages (or two rounds bring nothing new, or the visitor is
 * done), so it ends however fast new dead letters arrive. Every message it has seen and not
 * consumed stays held (invisible): skipped messages cannot come back and be read again, and their
 * leases are extended before they expire. At the end every held message is released (visible again
 * at once). A pass killed midway leaves its held messages to reappear after the visibility timeout:
 * nothing is lost.
 */
final class SnapshotPass {

  /** What the visitor is given for each message the pass sees for the first time. */
  interface Round {
    /**
     * Handles the messages first seen in one receive; returns the message ids it removed from the
     * DLQ (the pass stops holding those).
     */
    Set<String> handle(List<Lease> fresh);
  }

  private final SqsClient sqs;
  private final String url;
  private final Duration visibility;
  private final Clock clock;
  private final Map<String, Lease> held = new LinkedHashMap<>();
  private int distinct;

  SnapshotPass(SqsClient sqs, String url, Duration visibility, Clock clock) {
    this.sqs = sqs;
    this.url = url;
    this.visibility = visibility;
    this.clock = clock;
  }

  /**
   * Runs the pass over {@code snapshot} messages: {@code counts} tells whether a message is part of
   * the snapshot (a message this replay sent back and that failed again is not).
   */
  int run(
      int snapshot,
      int batchSize,
      BooleanSupplier done,
      Function<DeadLetter, Boolean> counts,
      Round round) {
    int quietRounds = 0;
    try {
      while (distinct < snapshot && quietRounds < 2 && !done.getAsBoolean()) {
        extendLeases();
        List<Lease> fresh = new ArrayList<>();
        for (Message message : receive(batchSize)) {
          Lease known = held.get(message.messageId());
          if (known != null) {
            known.renew(message.receiptHandle(), clock.instant().plus(visibility));
            continue;
          }
          Lease lease = new Lease(message, clock.instant().plus(visibility));
          held.put(message.messageId(), lease);
          if (counts.apply(lease.letter())) {
            distinct++;
          }
          fresh.add(lease);
        }
        quietRounds = fresh.isEmpty() ? quietRounds + 1 : 0;
        if (!fresh.isEmpty()) {
          round.handle(fresh).forEach(held::remove);
        }
      }
      return distinct;
    } finally {
      release();
    }
  }

  /**
   * Makes sure {@code lease} holds for at least a third of the visibility timeout more; false when
   * its receipt handle expired (another reader may have the message now: do not move it).
   */
  boolean secure(Lease lease) {
    if (lease.until().isAfter(clock.instant().plus(visibility.dividedBy(3)))) {
      return true;
    }
    try {
      sqs.changeMessageVisibility(
          b ->
              b.queueUrl(url)
                  .receiptHandle(lease.receiptHandle())
                  .visibilityTimeout((int) visibility.toSeconds()));
      lease.renew(lease.receiptHandle(), clock.instant().plus(visibility));
      return true;
    } catch (SqsException expired) {
      return false;
    }
  }

  private List<Message> receive(int max) {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(url)
                    .maxNumberOfMessages(max)
                    .visibilityTimeout((int) visibility.toSeconds())
                    .waitTimeSeconds(1)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                        MessageSystemAttributeName.SENT_TIMESTAMP))
        .messages();
  }

  /** Extends the leases that would run out within a third of the visibility timeout. */
  private void extendLeases() {
    Instant soon = clock.instant().plus(visibility.dividedBy(3));
    List<Lease> expiring = held.values().stream().filter(l -> l.until().isBefore(soon)).toList();
    change(expiring, (int) visibility.toSeconds());
    Instant until = clock.instant().plus(visibility);
    expiring.forEach(l -> l.renew(l.receiptHandle(), until));
  }

  private void release() {
    change(List.copyOf(held.values()), 0);
    held.clear();
  }

  private void change(List<Lease> leases, int seconds) {
    for (int from = 0; from < leases.size(); from += 10) {
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (Lease lease : leases.subList(from, Math.min(leases.size(), from + 10))) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id(Integer.toString(entries.size()))
                .receiptHandle(lease.receiptHandle())
                .visibilityTimeout(seconds)
                .build());
      }
      try {
        sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(entries));
      } catch (SqsException e) {
        // An expired handle: that message is visible again already.
      }
    }
  }

  /**
   * Deletes {@code leases} (at most 10) from the DLQ in one batch; returns those SQS did not delete
   * (a handle gone stale: the message is still there, or already deleted by another pass).
   */
  Set<Lease> delete(List<Lease> leases) {
    if (leases.isEmpty()) {
      return Set.of();
    }
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
    for (Lease lease : leases) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(entries.size()))
              .receiptHandle(lease.receiptHandle())
              .build());
    }
    var response = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
    Set<Lease> failed = new HashSet<>();
    response.failed().forEach(f -> failed.add(leases.get(Integer.parseInt(f.id()))));
    return failed;
  }
}
