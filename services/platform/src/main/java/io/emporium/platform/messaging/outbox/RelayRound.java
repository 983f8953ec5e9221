package io.emporium.platform.messaging.outbox;

import io.emporium.platform.messaging.outbox.PublishResult.PublishFailure;
import io.emporium.platform.messaging.outbox.Settlement.DeadLetter;
import io.emporium.platform.messaging.outbox.Settlement.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One pass of the relay: the store claims the due events, this publishes them to the service's
 * topic (ten per PublishBatch) and decides what becomes of each: published, retried later with
 * backoff, or dead-lettered. The store applies the decision.
 */
final class RelayRound {

  private static final Logger log = LoggerFactory.getLogger(RelayRound.class);

  private final OutboxStore store;
  private final SnsBatchPublisher publisher;
  private final Mono<String> topicArn;
  private final int batchSize;
  private final PublishRetries retries;
  private final OutboxMetrics metrics;

  RelayRound(
      OutboxStore store,
      SnsBatchPublisher publisher,
      Mono<String> topicArn,
      RelaySettings settings,
      OutboxMetrics metrics) {
    this.store = store;
    this.publisher = publisher;
    this.topicArn = topicArn;
    this.batchSize = settings.batchSize();
    this.retries = settings.retries();
    this.metrics = metrics;
  }

  /** Runs one pass; emits how many due events the store found (0 when the outbox is idle). */
  Mono<Integer> run() {
    return store.relay(batchSize, this::publish);
  }

  private Mono<Settlement> publish(List<PendingEvent> events) {
    var outgoing = events.stream().map(PendingEvent::event).toList();
    return topicArn
        .flatMap(arn -> publisher.publish(arn, outgoing))
        .onErrorResume(error -> Mono.just(PublishResult.allFailed(outgoing, error)))
        .map(result -> settle(events, result));
  }

  private Settlement settle(List<PendingEvent> events, PublishResult result) {
    Set<UUID> published = new HashSet<>();
    List<Retry> retried = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    for (PendingEvent event : events) {
      if (result.published().contains(event.id())) {
        published.add(event.id());
        continue;
      }
      int attempts = event.attempts() + 1;
      PublishFailure failure = result.failureOf(event.id());
      Optional<Duration> delay = retries.retryIn(attempts, failure);
      logFailure(event, attempts, delay, failure);
      if (delay.isPresent()) {
        retried.add(new Retry(event, attempts, delay.get(), failure.reason()));
      } else {
        dead.add(new DeadLetter(event, attempts, failure.reason()));
      }
    }
    metrics.settled(published.size(), retried.size() + dead.size());
    return new Settlement(published, retried, dead);
  }

  private static void logFailure(
      PendingEvent event, int attempts, Optional<Duration> delay, PublishFailure failure) {
    var outgoing = event.event();
    if (delay.isPresent()) {
      log.warn(
          "outbox publish failed: eventId={} type={} subject={} attempt={} retryIn={} reason={}",
          outgoing.id(),
          outgoing.type(),
          outgoing.subject(),
          attempts,
          delay.get(),
          failure.reason());
    } else {
      log.error(
          "outbox event dead-lettered (SNS rejects it for good): eventId={} type={} subject={}"
              + " attempts={} reason={}",
          outgoing.id(),
          outgoing.type(),
          outgoing.subject(),
          attempts,
          failure.reason());
    }
  }
}
