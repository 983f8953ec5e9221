package io.emporium.platform.deadletters;

import io.emporium.platform.deadletters.ReplayReport.Moved;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Reads a DLQ without changing it: a pass that holds everything it reads, then releases it. */
final class Peek {

  private final SqsClient sqs;
  private final QueueDirectory directory;
  private final Duration visibility;
  private final Clock clock;

  Peek(SqsClient sqs, QueueDirectory directory, Duration visibility, Clock clock) {
    this.sqs = sqs;
    this.directory = directory;
    this.visibility = visibility;
    this.clock = clock;
  }

  /** Up to {@code max} of the {@code depth} messages of {@code dlq}. */
  List<DeadLetter> letters(DeadLetterQueue dlq, int depth, int max) {
    return letters(dlq, depth, max, letter -> true);
  }

  /** Up to {@code max} of those of the {@code depth} messages of {@code dlq} that {@code which}. */
  List<DeadLetter> letters(DeadLetterQueue dlq, int depth, int max, Predicate<DeadLetter> which) {
    Map<String, DeadLetter> read = new LinkedHashMap<>();
    new SnapshotPass(sqs, dlq.url(), visibility, clock)
        .run(
            depth,
            10,
            () -> read.size() >= max,
            letter -> true,
            fresh -> {
              for (Lease lease : fresh) {
                if (read.size() < max && which.test(lease.letter())) {
                  read.put(lease.letter().messageId(), lease.letter());
                }
              }
              return Set.of();
            });
    return List.copyOf(read.values());
  }

  /**
   * Watches {@code dlq} until every one of the {@code moved} messages of replay {@code passId} came
   * back or {@code within} passed: returns those that came back (failed again).
   */
  List<Moved> failedAgain(DeadLetterQueue dlq, String passId, int moved, Duration within) {
    Instant deadline = clock.instant().plus(within);
    List<Moved> back = List.of();
    while (clock.instant().isBefore(deadline)) {
      back =
          letters(dlq, directory.depth(dlq.url()), Integer.MAX_VALUE, ofPass(passId)).stream()
              .map(Moved::of)
              .toList();
      if (back.size() >= moved) {
        break;
      }
      pause();
    }
    return back;
  }

  /** The messages replay {@code passId} sent back that are in the DLQ again. */
  static Predicate<DeadLetter> ofPass(String passId) {
    return letter -> passId.equals(letter.replayPass());
  }

  private static void pause() {
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
