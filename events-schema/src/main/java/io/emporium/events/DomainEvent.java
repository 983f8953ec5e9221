package io.emporium.events;

/**
 * A fact published by one service. Each producer's events share a sealed interface annotated with
 * {@link Producer}; each record carries its wire type in {@link WireType}.
 */
public interface DomainEvent {

  /** The id of the aggregate this event is about: the envelope's {@code subject}. */
  String subject();
}
