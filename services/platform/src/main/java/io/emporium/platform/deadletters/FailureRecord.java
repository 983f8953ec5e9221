package io.emporium.platform.deadletters;

import java.time.Instant;

/**
 * Why a message failed, as its consumer recorded it (keyed by SQS message id): what {@code dlq
 * show} prints beside each dead letter.
 *
 * @param receiveCount the receive on which it last failed
 */
public record FailureRecord(
    String messageId,
    String queue,
    String eventId,
    String type,
    String reason,
    int receiveCount,
    Instant firstFailedAt,
    Instant lastFailedAt) {}
