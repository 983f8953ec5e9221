package io.emporium.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Events packed into PublishBatch requests SNS accepts: at most ten entries and 256 KiB of messages
 * and attributes per request. Without the size limit one large event made the whole request fail,
 * and with it nine innocent neighbours, on every retry (issue 14 defect 5). An event too large to
 * be published at all is kept apart ({@link #oversized()}), failed for good without a request.
 */
record PublishBatches(List<List<OutgoingEvent>> batches, List<OutgoingEvent> oversized) {

  /** SNS's limit for one message, and for the sum of a PublishBatch request's entries. */
  static final int MAX_BYTES = 262_144;

  /** The attributes every entry carries: the type and a W3C traceparent (55 characters). */
  private static final int ATTRIBUTES_BYTES =
      SnsBatchPublisher.TYPE_ATTRIBUTE.length()
          + SnsBatchPublisher.TRACEPARENT_ATTRIBUTE.length()
          + 2 * "String".length()
          + 55;

  static PublishBatches of(List<OutgoingEvent> events) {
    List<List<OutgoingEvent>> batches = new ArrayList<>();
    List<OutgoingEvent> oversized = new ArrayList<>();
    List<OutgoingEvent> batch = new ArrayList<>();
    int bytes = 0;
    for (OutgoingEvent event : events) {
      int size = size(event);
      if (size > MAX_BYTES) {
        oversized.add(event);
        continue;
      }
      if (batch.size() == SnsBatchPublisher.MAX_BATCH || bytes + size > MAX_BYTES) {
        batches.add(batch);
        batch = new ArrayList<>();
        bytes = 0;
      }
      batch.add(event);
      bytes += size;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return new PublishBatches(batches, oversized);
  }

  /** What SNS counts of an entry: the message and its attributes' names, types and values. */
  static int size(OutgoingEvent event) {
    return event.payload().getBytes(StandardCharsets.UTF_8).length
        + event.type().getBytes(StandardCharsets.UTF_8).length
        + ATTRIBUTES_BYTES;
  }
}
