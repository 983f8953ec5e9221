package io.emporium.platform.messaging.dynamodb;

import io.emporium.platform.messaging.outbox.RelayWakeUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Commits a change on DynamoDB as one TransactWriteItems, with what messaging adds to it: inside
 * {@link DynamoDbProcessedEvents#once}, the handled event's processed marker goes last into the
 * same request, so a duplicate cancels the whole write (and is reported as not written); after a
 * write that appended to the outbox ({@link DynamoDbOutbox#append}), the relay is woken up.
 *
 * <pre>{@code
 * transactions.write(List.of(cartUpdate, outbox.append(checkedOut)))
 * }</pre>
 */
public final class DynamoDbTransactions {

  private final DynamoDbAsyncClient dynamo;
  private final DynamoDbOutboxTable outbox;
  private final RelayWakeUp wakeUp;

  DynamoDbTransactions(DynamoDbAsyncClient dynamo, DynamoDbOutboxTable outbox, RelayWakeUp wakeUp) {
    this.dynamo = dynamo;
    this.outbox = outbox;
    this.wakeUp = wakeUp;
  }

  /**
   * Writes {@code items} (their order is kept: cancellation reasons index them as given). Emits
   * true when written, false when the event being handled had been processed already (nothing
   * written). Any other failure propagates.
   */
  public Mono<Boolean> write(List<TransactWriteItem> items) {
    return Mono.deferContextual(
        context -> {
          Optional<ProcessedMarker> marker = context.getOrEmpty(ProcessedMarker.class);
          List<TransactWriteItem> request = new ArrayList<>(items);
          marker.ifPresent(m -> request.add(m.take()));
          int markerIndex = request.size() - 1;
          return Mono.fromFuture(() -> dynamo.transactWriteItems(b -> b.transactItems(request)))
              .doOnNext(written -> wakeUpIfAppended(items))
              .thenReturn(true)
              .onErrorResume(
                  e -> marker.isPresent() && DynamoDbProcessedEvents.isDuplicate(e, markerIndex),
                  e -> {
                    marker.get().markDuplicate();
                    return Mono.just(false);
                  });
        });
  }

  private void wakeUpIfAppended(List<TransactWriteItem> items) {
    boolean appended =
        items.stream().anyMatch(i -> i.put() != null && outbox.name().equals(i.put().tableName()));
    if (appended) {
      wakeUp.appended();
    }
  }
}
