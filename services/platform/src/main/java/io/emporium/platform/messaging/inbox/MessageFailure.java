package io.emporium.platform.messaging.inbox;

import java.time.Instant;

/**
 * Why a message failed, as its consumer recorded it: what on-call sees of a dead letter.
 *
 * @param eventId the event id, or null when the body was not an event at all
 * @param type the event's wire type, or null when it could not be read
 * @param receiveCount the receive on which it last failed
 */
public record MessageFailure(
    String messageId,
    String queue,
    String eventId,
    String type,
    String reason,
    int receiveCount,
    Instant firstFailedAt,
    Instant lastFailedAt) {}
