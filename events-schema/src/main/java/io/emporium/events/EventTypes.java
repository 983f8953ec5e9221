package io.emporium.events;

import io.emporium.events.cart.CartEvent;
import io.emporium.events.catalog.CatalogEvent;
import io.emporium.events.notification.NotificationEvent;
import io.emporium.events.order.OrderEvent;
import io.emporium.events.payment.PaymentEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry from wire type to record class, derived from the sealed producer interfaces: adding
 * a record to a {@code permits} clause registers it.
 */
public final class EventTypes {

  private static final List<Class<? extends DomainEvent>> PRODUCERS =
      List.of(
          CartEvent.class,
          OrderEvent.class,
          CatalogEvent.class,
          PaymentEvent.class,
          NotificationEvent.class);

  private static final EventTypes ALL = new EventTypes();

  private final Map<String, Class<? extends DomainEvent>> byType = new LinkedHashMap<>();
  private final Map<Class<?>, String> byClass = new LinkedHashMap<>();

  private EventTypes() {
    for (Class<? extends DomainEvent> producerInterface : PRODUCERS) {
      String producer = producerInterface.getAnnotation(Producer.class).value();
      for (Class<?> permitted : producerInterface.getPermittedSubclasses()) {
        String type = permitted.getAnnotation(WireType.class).value();
        if (!type.startsWith(producer + ".")) {
          throw new IllegalStateException(permitted + " is published by " + producer + ": " + type);
        }
        byType.put(type, permitted.asSubclass(DomainEvent.class));
        byClass.put(permitted, type);
      }
    }
  }

  public static EventTypes all() {
    return ALL;
  }

  /** Every wire type, in declaration order. */
  public Set<String> types() {
    return Collections.unmodifiableSet(byType.keySet());
  }

  public Optional<Class<? extends DomainEvent>> recordFor(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  public String typeOf(DomainEvent event) {
    return typeOf(event.getClass());
  }

  public String typeOf(Class<?> recordClass) {
    String type = byClass.get(recordClass);
    if (type == null) {
      throw new IllegalArgumentException(recordClass + " is not a registered event");
    }
    return type;
  }

  /** {@code order.OrderPlaced.v1} → {@code order}. */
  public static String producerOf(String type) {
    return type.substring(0, type.indexOf('.'));
  }

  /**
   * {@code order.OrderPlaced.v1} → {@code OrderPlaced.v1}, the schema's file name without
   * extension.
   */
  public static String nameOf(String type) {
    return type.substring(type.indexOf('.') + 1);
  }
}
