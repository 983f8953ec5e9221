package io.emporium.payment;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.UpstreamEvents;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.model.Message;

/** What other services would do: publish their events to their topics, and read ours. */
public final class EventBus {

  private final UpstreamEvents upstream = UpstreamEvents.forTestEmulator();
  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final EventCodec codec = new EventCodec();

  /** Publishes {@code event} in a new envelope (fresh id) and returns that envelope. */
  public EventEnvelope publish(DomainEvent event) {
    return upstream.publish(event);
  }

  /** Publishes {@code envelope} as it is: the same id again is a duplicate delivery. */
  public EventEnvelope publish(EventEnvelope envelope) {
    return upstream.publish(envelope);
  }

  /** Events about {@code orderId} that reach {@code queue} within {@code within}. */
  public List<EventEnvelope> await(String queue, String orderId, int expected, Duration within) {
    return probe.await(queue, about(orderId), expected, within).stream().map(this::decode).toList();
  }

  /** Everything about {@code orderId} that reaches {@code queue} during {@code window}. */
  public List<EventEnvelope> drain(String queue, String orderId, Duration window) {
    return probe.drain(queue, window).stream().filter(about(orderId)).map(this::decode).toList();
  }

  private static Predicate<Message> about(String orderId) {
    return m -> m.body().contains("\"" + orderId + "\"");
  }

  private EventEnvelope decode(Message message) {
    return codec.decode(message.body());
  }
}
