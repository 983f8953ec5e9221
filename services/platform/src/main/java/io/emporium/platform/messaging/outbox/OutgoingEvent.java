package io.emporium.platform.messaging.outbox;

import java.util.UUID;

/**
 * An event as the relay publishes it: the encoded envelope plus the attributes SNS filter policies
 * and tracing need.
 *
 * @param traceparent W3C trace context of the transaction that wrote it, or null
 */
public record OutgoingEvent(
    UUID id, String type, String subject, String payload, String traceparent) {}
