package io.emporium.platform.messaging.outbox;

import io.emporium.platform.messaging.outbox.PublishResult.PublishFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes events with SNS PublishBatch, ten per request, each with the {@code type} attribute
 * that filter policies match and the {@code traceparent} that carries the trace to consumers.
 */
public final class SnsBatchPublisher {

  /** SNS accepts at most ten entries per PublishBatch request. */
  public static final int MAX_BATCH = 10;

  public static final String TYPE_ATTRIBUTE = "type";
  public static final String TRACEPARENT_ATTRIBUTE = "traceparent";

  private final SnsAsyncClient sns;

  public SnsBatchPublisher(SnsAsyncClient sns) {
    this.sns = sns;
  }

  public Mono<PublishResult> publish(String topicArn, List<OutgoingEvent> events) {
    List<List<OutgoingEvent>> batches = new ArrayList<>();
    for (int from = 0; from < events.size(); from += MAX_BATCH) {
      batches.add(events.subList(from, Math.min(events.size(), from + MAX_BATCH)));
    }
    return Flux.fromIterable(batches)
        .concatMap(batch -> publishBatch(topicArn, batch))
        .reduce(new PublishResult(new HashSet<>(), new HashMap<>()), SnsBatchPublisher::merge);
  }

  private Mono<PublishResult> publishBatch(String topicArn, List<OutgoingEvent> batch) {
    var spans = batch.stream().map(event -> OutboxSpans.publish(topicArn, event)).toList();
    List<PublishBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      OutgoingEvent event = batch.get(i);
      entries.add(entry(event, OutboxSpans.traceparent(spans.get(i), event.traceparent())));
    }
    return Mono.fromFuture(
            () -> sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries)))
        .map(SnsBatchPublisher::result)
        .onErrorResume(error -> Mono.just(PublishResult.allFailed(batch, error)))
        .doOnNext(result -> OutboxSpans.endPublished(spans, batch, result));
  }

  /** The entry of {@code event}, carrying {@code traceparent} (its publish span's) to consumers. */
  private static PublishBatchRequestEntry entry(OutgoingEvent event, String traceparent) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    attributes.put(TYPE_ATTRIBUTE, text(event.type()));
    if (traceparent != null) {
      attributes.put(TRACEPARENT_ATTRIBUTE, text(traceparent));
    }
    return PublishBatchRequestEntry.builder()
        .id(event.id().toString())
        .message(event.payload())
        .messageAttributes(attributes)
        .build();
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  private static PublishResult result(PublishBatchResponse response) {
    Set<UUID> published = new HashSet<>();
    response.successful().forEach(s -> published.add(UUID.fromString(s.id())));
    Map<UUID, PublishFailure> failed = new HashMap<>();
    response
        .failed()
        .forEach(
            f ->
                failed.put(
                    UUID.fromString(f.id()),
                    new PublishFailure(
                        f.code() + ": " + f.message(), Boolean.TRUE.equals(f.senderFault()))));
    return new PublishResult(published, failed);
  }

  private static PublishResult merge(PublishResult total, PublishResult batch) {
    total.published().addAll(batch.published());
    total.failed().putAll(batch.failed());
    return total;
  }
}
