package io.emporium.platform.messaging.inbox;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventEnvelope;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The fields a handled event adds to its log line as key-value pairs: {@code event.id}, {@code
 * event.type}, {@code event.subject} and, when the event names one, {@code order.id}. Structured
 * logging (JSON in the cluster) writes them as fields; the text format locally shows the message
 * only. The trace and span ids come from the OpenTelemetry agent's MDC ({@code trace_id}, {@code
 * span_id}).
 */
final class EventLogFields {

  private static final Map<Class<?>, Optional<RecordComponent>> ORDER_ID =
      new ConcurrentHashMap<>();

  private EventLogFields() {}

  static LoggingEventBuilder of(EventEnvelope envelope, LoggingEventBuilder builder) {
    builder
        .addKeyValue("event.id", envelope.id())
        .addKeyValue("event.type", envelope.type())
        .addKeyValue("event.subject", envelope.subject());
    orderId(envelope.data()).ifPresent(id -> builder.addKeyValue("order.id", id));
    return builder;
  }

  /** The {@code orderId} of an event record that has one (every event after CartCheckedOut). */
  static Optional<String> orderId(DomainEvent event) {
    return ORDER_ID
        .computeIfAbsent(event.getClass(), EventLogFields::orderIdComponent)
        .map(component -> read(component, event));
  }

  private static Optional<RecordComponent> orderIdComponent(Class<?> type) {
    if (!type.isRecord()) {
      return Optional.empty();
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals("orderId") && component.getType() == String.class) {
        return Optional.of(component);
      }
    }
    return Optional.empty();
  }

  private static String read(RecordComponent component, DomainEvent event) {
    try {
      return (String) component.getAccessor().invoke(event);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
