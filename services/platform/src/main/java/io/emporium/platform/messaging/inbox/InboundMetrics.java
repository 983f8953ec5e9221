package io.emporium.platform.messaging.inbox;

import io.emporium.events.topology.Subscription;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * Per-queue counters of what a service's listeners do, registered at startup for each of its queues
 * (topology.yaml), so every series exists at zero before the first message and rates start right:
 *
 * <ul>
 *   <li>{@code emporium.events.consumed{queue,type,outcome}}: handled, failed, malformed (type
 *       {@code unknown});
 *   <li>{@code emporium.events.retried{queue}}: a delivery after a failed one (receive count &gt;
 *       1);
 *   <li>{@code emporium.events.dead.lettered{queue}}: a failure on the last receive SQS allows
 *       (maxReceiveCount): the message goes to the DLQ next;
 *   <li>{@code emporium.events.queue.wait{queue}}: from the message's arrival in the queue to its
 *       handling (the age of what a listener takes);
 *   <li>{@code emporium.events.duplicates{store}}: an event received again after its effect was
 *       applied, and skipped ({@link ProcessedEvents} says which).
 * </ul>
 *
 * Labels are bounded: queue and type come from topology.yaml, outcome from this class.
 */
final class InboundMetrics {

  static final String CONSUMED = "emporium.events.consumed";
  static final String RETRIED = "emporium.events.retried";
  static final String DEAD_LETTERED = "emporium.events.dead.lettered";
  static final String QUEUE_WAIT = "emporium.events.queue.wait";
  static final String DUPLICATES = "emporium.events.duplicates";
  static final String UNKNOWN_TYPE = "unknown";

  private final MeterRegistry meters;
  private final int maxReceiveCount;
  private final Counter duplicates;

  /** {@code store}: the name of the service's {@link ProcessedEvents} (r2dbc, dynamodb). */
  InboundMetrics(
      MeterRegistry meters, List<Subscription> subscriptions, int maxReceiveCount, String store) {
    this.meters = meters;
    this.maxReceiveCount = maxReceiveCount;
    this.duplicates =
        Counter.builder(DUPLICATES)
            .tag("store", store)
            .description("Events received again after their effect was applied, and skipped")
            .register(meters);
    for (Subscription subscription : subscriptions) {
      String queue = subscription.queue();
      for (String type : subscription.types()) {
        consumed("handled", type, queue);
        consumed("failed", type, queue);
      }
      consumed("malformed", UNKNOWN_TYPE, queue);
      counter(RETRIED, queue);
      counter(DEAD_LETTERED, queue);
      queueWait(queue);
    }
  }

  /** A message arrived at a listener: counts a redelivery and how long it waited. */
  void received(InboundMessage message, Duration waited) {
    if (message.receiveCount() > 1) {
      counter(RETRIED, message.queue()).increment();
    }
    if (waited != null) {
      queueWait(message.queue()).record(waited.isNegative() ? Duration.ZERO : waited);
    }
  }

  void handled(String type, String queue) {
    consumed("handled", type, queue).increment();
  }

  /** An event processed before, received again: its effect was skipped. */
  void duplicate() {
    duplicates.increment();
  }

  /** A failure: counted, and counted as dead-lettered when SQS will not deliver it again. */
  void failed(InboundMessage message, String type, boolean malformed) {
    consumed(malformed ? "malformed" : "failed", type, message.queue()).increment();
    if (message.receiveCount() >= maxReceiveCount) {
      counter(DEAD_LETTERED, message.queue()).increment();
    }
  }

  private Counter consumed(String outcome, String type, String queue) {
    return Counter.builder(CONSUMED)
        .description("Events taken from a queue, by outcome")
        .tags("queue", queue, "type", type, "outcome", outcome)
        .register(meters);
  }

  private Counter counter(String name, String queue) {
    return Counter.builder(name).tag("queue", queue).register(meters);
  }

  private Timer queueWait(String queue) {
    return Timer.builder(QUEUE_WAIT)
        .description("From the message's arrival in the queue to its handling")
        .tag("queue", queue)
        .register(meters);
  }
}
