package io.emporium.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.platform.deadletters.ReplayReport.Moved;
import io.emporium.platform.testing.EmulatedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Replay and purge on moto, each test on a source queue and DLQ of its own. */
@ExtendWith(EmulatedInfrastructure.class)
class DeadLettersIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(DeadLettersIntegrationTests.class);
  private static final Actor ON_CALL = new Actor("arn:aws:iam::123456789012:user/on-call", "cli");

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard: "and ends"
  void replaysChosenIdsOutOfThreeHundredMovingExactlyThoseAndEnds() {
    var q = new DeadLetterQueues();
    List<String> all = q.deadLetters(300, "order.OrderPlaced.v1", "ord-1");
    Set<String> chosen = Set.of(all.get(3), all.get(150), all.get(299));

    Instant started = Instant.now();
    ReplayReport report =
        q.deadLetters.replay(request(q.dlq, filterIds(chosen), 0, false), ON_CALL, p -> {});
    log.info(
        "replay of 3 chosen ids in a DLQ of 300: {}", Duration.between(started, Instant.now()));

    assertThat(report.method()).isEqualTo("pass");
    assertThat(report.snapshot()).isEqualTo(300);
    assertThat(report.seen()).isLessThanOrEqualTo(300);
    assertThat(report.moved())
        .extracting(Moved::eventId)
        .containsExactlyInAnyOrderElementsOf(chosen);
    assertThat(q.drain(q.sourceUrl))
        .extracting(DeadLetterQueues::eventId)
        .containsExactlyInAnyOrderElementsOf(chosen);
    assertThat(q.inDlq()).hasSize(297).doesNotContainAnyElementsOf(chosen);
  }

  @Test
  void dryRunChangesNothing() {
    var q = new DeadLetterQueues();
    List<String> all = q.deadLetters(25, "order.OrderPlaced.v1", "ord-1");

    ReplayReport report =
        q.deadLetters.replay(request(q.dlq, LetterFilter.all(), 0, true), ON_CALL, p -> {});

    assertThat(report.dryRun()).isTrue();
    assertThat(report.count()).isEqualTo(25);
    assertThat(q.inDlq()).containsExactlyInAnyOrderElementsOf(all);
    assertThat(q.drain(q.sourceUrl)).isEmpty();
    assertThat(q.audit.read(Instant.now().minusSeconds(600), 10)).isEmpty();
  }

  @Test
  void filtersMoveOnlyWhatTheyNameAndLimitStopsTheReplay() throws Exception {
    var q = new DeadLetterQueues();
    List<String> old = q.deadLetters(3, "order.OrderPlaced.v1", "ord-old");
    Thread.sleep(5_000);
    Instant between = Instant.now();
    List<String> placed = q.deadLetters(4, "order.OrderPlaced.v1", "ord-1");
    List<String> cancelled = q.deadLetters(4, "order.OrderCancelled.v1", "ord-2");

    var byType = new LetterFilter(Set.of("order.OrderCancelled.v1"), Set.of(), Set.of(), null);
    assertThat(q.deadLetters.replay(request(q.dlq, byType, 0, false), ON_CALL, p -> {}).moved())
        .extracting(Moved::eventId)
        .containsExactlyInAnyOrderElementsOf(cancelled);
    // older than 2.5 s before the newer ones were written, whatever the first replay took
    var byAge =
        new LetterFilter(
            Set.of(),
            Set.of(),
            Set.of(),
            Duration.between(between.minusMillis(2_500), Instant.now()));
    assertThat(q.deadLetters.replay(request(q.dlq, byAge, 0, false), ON_CALL, p -> {}).moved())
        .extracting(Moved::eventId)
        .containsExactlyInAnyOrderElementsOf(old);
    var bySubject = new LetterFilter(Set.of(), Set.of(), Set.of("ord-1"), null);
    assertThat(q.deadLetters.replay(request(q.dlq, bySubject, 2, false), ON_CALL, p -> {}).moved())
        .hasSize(2)
        .extracting(Moved::eventId)
        .isSubsetOf(placed);

    assertThat(q.drain(q.sourceUrl)).hasSize(4 + 3 + 2);
    assertThat(q.inDlq()).hasSize(2).isSubsetOf(placed);
  }

  @Test
  void rateLimitHoldsInEverySecondAsSqsTimestampedTheMoves() {
    var q = new DeadLetterQueues();
    q.deadLetters(16, "order.OrderPlaced.v1", "ord-1");

    ReplayReport report =
        q.deadLetters.replay(
            new ReplayRequest(q.dlq, LetterFilter.all(), 0, 5, false, Duration.ZERO, true),
            ON_CALL,
            p -> {});

    assertThat(report.count()).isEqualTo(16);
    List<Long> sent =
        q.drain(q.sourceUrl).stream()
            .map(m -> Long.parseLong(m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP)))
            .sorted()
            .toList();
    assertThat(sent).hasSize(16);
    int busiest = 0;
    for (long start : sent) {
      int inWindow = (int) sent.stream().filter(t -> t >= start && t < start + 1_000).count();
      busiest = Math.max(busiest, inWindow);
    }
    log.info(
        "rate 5/s: busiest second held {} moves; 16 moves took {} ms",
        busiest,
        sent.getLast() - sent.getFirst());
    assertThat(busiest).isLessThanOrEqualTo(5 + 1);
    assertThat(sent.getLast() - sent.getFirst()).isGreaterThanOrEqualTo(14 * 200L);
  }

  @Test
  void anUnfilteredReplayFallsBackWhereTheEndpointHasNoMoveTaskAndMovesEverything() {
    var q = new DeadLetterQueues();
    List<String> all = q.deadLetters(12, "order.OrderPlaced.v1", "ord-1");
    List<ReplayProgress> progress = new ArrayList<>();

    ReplayReport report = q.deadLetters.replay(ReplayRequest.all(q.dlq), ON_CALL, progress::add);

    assertThat(report.method()).isEqualTo("pass");
    assertThat(progress).anySatisfy(p -> assertThat(p.note()).contains("StartMessageMoveTask"));
    assertThat(q.drain(q.sourceUrl))
        .extracting(DeadLetterQueues::eventId)
        .containsExactlyInAnyOrderElementsOf(all);
    assertThat(report.remaining()).isZero();
  }

  @Test
  void anUnfilteredReplayThatAwaitsItsOutcomeTakesThePassReportingTheFailuresWithoutCyclingThem()
      throws Exception {
    var q = new DeadLetterQueues();
    List<String> all = q.deadLetters(6, "order.OrderPlaced.v1", "ord-1");
    AtomicBoolean stop = new AtomicBoolean();
    Thread broken = Thread.ofVirtual().start(() -> brokenConsumer(q, stop));
    List<ReplayProgress> progress = new ArrayList<>();
    try {
      // As the command asks by default: unfiltered, move task allowed; but awaiting the outcome.
      ReplayReport report =
          q.deadLetters.replay(
              new ReplayRequest(
                  q.dlq, LetterFilter.all(), 0, 0, false, Duration.ofSeconds(60), true),
              ON_CALL,
              progress::add);

      assertThat(report.method()).isEqualTo("pass");
      assertThat(progress)
          .as("no move task tried: it could not tell which failed again")
          .noneSatisfy(p -> assertThat(p.note()).contains("StartMessageMoveTask"));
      assertThat(report.count()).isEqualTo(6);
      assertThat(report.failedAgain())
          .extracting(Moved::eventId)
          .containsExactlyInAnyOrderElementsOf(all);
      assertThat(q.deadLetters.show(q.dlq, 100).letters())
          .allSatisfy(
              letter -> {
                assertThat(letter.replays()).isEqualTo(1);
                assertThat(letter.replayPass()).isEqualTo(report.passId());
              });
    } finally {
      stop.set(true);
      broken.join();
    }
  }

  @Test
  void purgeDeletesOnlyTheNamedMessagesOnceConfirmedAndAuditsEveryChange() {
    var q = new DeadLetterQueues();
    List<String> all = q.deadLetters(5, "order.OrderPlaced.v1", "ord-1");

    PurgeReport unconfirmed = q.deadLetters.purge(q.dlq, Set.of(all.get(0)), false, ON_CALL);
    assertThat(unconfirmed.deleted()).hasSize(1);
    assertThat(q.inDlq()).hasSize(5);
    PurgeReport purged =
        q.deadLetters.purge(q.dlq, Set.of(all.get(0), all.get(1), "missing"), true, ON_CALL);
    q.deadLetters.replay(request(q.dlq, filterIds(Set.of(all.get(2))), 0, false), ON_CALL, p -> {});

    assertThat(purged.deleted())
        .extracting(Moved::eventId)
        .containsExactlyInAnyOrder(all.get(0), all.get(1));
    assertThat(purged.notFound()).containsExactly("missing");
    assertThat(q.inDlq()).containsExactlyInAnyOrder(all.get(3), all.get(4));
    List<AuditRecord> audit = q.audit.read(Instant.now().minusSeconds(600), 10);
    assertThat(audit)
        .extracting(AuditRecord::action)
        .containsExactly("replay", "replay-started", "purge");
    assertThat(audit)
        .allSatisfy(
            r -> {
              assertThat(r.who()).isEqualTo(ON_CALL.who());
              assertThat(r.queue()).isEqualTo(q.dlq);
            });
    assertThat(audit.get(0).count()).isEqualTo(1);
    assertThat(audit.get(0).pass()).isNotNull().isEqualTo(audit.get(1).pass());
    assertThat(audit.get(1).filter()).isEqualTo("--id " + all.get(2));
    assertThat(audit.get(2).ids()).hasSize(2);
    assertThat(audit.get(2).detail()).contains(all.get(0));
  }

  @Test
  void aReplayEndedByAnErrorIsAuditedAsStartedAndEndedWithWhatItMovedAndLosesNothing() {
    var q = new DeadLetterQueues();
    List<String> all = q.deadLetters(30, "order.OrderPlaced.v1", "ord-1");
    var request = new ReplayRequest(q.dlq, LetterFilter.all(), 0, 0, false, Duration.ZERO, false);

    assertThatThrownBy(
            () ->
                q.deadLetters.replay(
                    request,
                    ON_CALL,
                    p -> {
                      if (p.moved() > 0) {
                        throw new IllegalStateException("the operator's terminal went away");
                      }
                    }))
        .hasMessageContaining("terminal went away");

    List<AuditRecord> audit = q.audit.read(Instant.now().minusSeconds(600), 10);
    assertThat(audit).extracting(AuditRecord::action).containsExactly("replay", "replay-started");
    AuditRecord ended = audit.get(0);
    assertThat(ended.pass()).isEqualTo(audit.get(1).pass());
    assertThat(ended.detail()).contains("endedEarly=", "terminal went away");
    List<String> moved = q.drain(q.sourceUrl).stream().map(DeadLetterQueues::eventId).toList();
    assertThat(ended.count()).isPositive().isEqualTo(moved.size()).isLessThan(30);
    List<String> found = new ArrayList<>(moved);
    found.addAll(q.inDlq());
    assertThat(found).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void showsOnlyTheMessagesOfOneReplayPassThatFailedAgain() throws Exception {
    var q = new DeadLetterQueues();
    List<String> replayed = q.deadLetters(3, "order.OrderPlaced.v1", "ord-1");
    ReplayReport report = q.deadLetters.replay(ReplayRequest.all(q.dlq), ON_CALL, p -> {});
    List<String> untouched = q.deadLetters(2, "order.OrderPlaced.v1", "ord-2");
    AtomicBoolean stop = new AtomicBoolean();
    Thread broken = Thread.ofVirtual().start(() -> brokenConsumer(q, stop));
    DeadLetters.Shown ofPass;
    try {
      Instant until = Instant.now().plusSeconds(60);
      do { // the consumer fails on them again: SQS's redrive brings them back to the DLQ
        ofPass = q.deadLetters.show(q.dlq, 100, report.passId());
      } while (ofPass.letters().size() < 3 && Instant.now().isBefore(until));
    } finally {
      stop.set(true);
      broken.join();
    }

    assertThat(ofPass.letters())
        .extracting(DeadLetter::eventId)
        .containsExactlyInAnyOrderElementsOf(replayed)
        .doesNotContainAnyElementsOf(untouched);
    assertThat(q.deadLetters.show(q.dlq, 100, "some-other-pass").letters()).isEmpty();
  }

  @Test
  void anUnknownQueueIsNamedInTheError() {
    var q = new DeadLetterQueues();
    assertThatThrownBy(() -> q.deadLetters.show("emporium-nowhere-dlq", 10))
        .isInstanceOf(UnknownQueueException.class)
        .hasMessageContaining("emporium-nowhere-dlq");
  }

  /** Receives from the source queue and never acknowledges: redrive sends each to the DLQ. */
  private static void brokenConsumer(DeadLetterQueues q, AtomicBoolean stop) {
    while (!stop.get()) {
      List<Message> received =
          q.sqs
              .receiveMessage(
                  b ->
                      b.queueUrl(q.sourceUrl)
                          .maxNumberOfMessages(10)
                          .visibilityTimeout(0)
                          .waitTimeSeconds(1))
              .messages();
      received.size();
    }
  }

  private static LetterFilter filterIds(Set<String> ids) {
    return LetterFilter.ofIds(ids);
  }

  private static ReplayRequest request(
      String queue, LetterFilter filter, int limit, boolean dryRun) {
    return new ReplayRequest(queue, filter, limit, 0, dryRun, Duration.ZERO, false);
  }
}
