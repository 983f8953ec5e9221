package io.emporium.platform.messaging.dynamodb;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The processed-event marker of the event being handled, carried in the Reactor context from {@link
 * DynamoDbProcessedEvents#once} to the one {@link DynamoDbTransactions#write} that commits it with
 * the effect (as a reactive transaction is carried to the SQL that runs in it).
 */
final class ProcessedMarker {

  private final UUID eventId;
  private final TransactWriteItem put;
  private boolean taken;
  private volatile boolean duplicate;

  ProcessedMarker(UUID eventId, TransactWriteItem put) {
    this.eventId = eventId;
    this.put = put;
  }

  /** The marker's Put, for the one write that carries it; a second write in the unit fails. */
  synchronized TransactWriteItem take() {
    if (taken) {
      throw new IllegalStateException(
          "event "
              + eventId
              + " already wrote its effect: one TransactWriteItems per event, so the effect and"
              + " its processed marker commit together");
    }
    taken = true;
    return put;
  }

  void markDuplicate() {
    duplicate = true;
  }

  boolean duplicate() {
    return duplicate;
  }

  UUID eventId() {
    return eventId;
  }
}
