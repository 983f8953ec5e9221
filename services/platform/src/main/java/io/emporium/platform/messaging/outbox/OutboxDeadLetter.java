package io.emporium.platform.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event the relay stopped trying (SNS rejected it for good), as on-call sees it.
 *
 * @param attempts how often its publish failed
 * @param lastError why, as the relay recorded it
 * @param createdAt when its transaction wrote it
 * @param deadLetteredAt when the relay gave up (null for one dead-lettered before this was kept)
 * @param payloadBytes the size of the encoded envelope (SNS refuses more than 256 KiB)
 */
public record OutboxDeadLetter(
    UUID eventId,
    String type,
    String subject,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant deadLetteredAt,
    int payloadBytes) {}
