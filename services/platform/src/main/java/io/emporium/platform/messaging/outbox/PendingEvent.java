package io.emporium.platform.messaging.outbox;

import java.util.UUID;

/** An outbox event a relay round claimed, with how often its publish failed before. */
public record PendingEvent(OutgoingEvent event, int attempts) {

  public UUID id() {
    return event.id();
  }
}
