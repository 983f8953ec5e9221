package io.emporium.platform.dlq;

/** A message in a DLQ, as on-call sees it. */
public record DeadLetter(
    String messageId, String eventId, String type, String subject, int receiveCount, String body) {}
