package io.emporium.platform.messaging.outbox;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

/**
 * An SNS that answers PublishBatch as the test says, for the relay's unit tests (the adapters'
 * integration tests publish to the emulator): entries whose message is in {@link #rejected} fail
 * with a sender fault, every entry fails at once while {@link #down} is set, the rest succeed.
 */
final class ScriptedSns implements SnsAsyncClient {

  final Set<String> rejected = ConcurrentHashMap.newKeySet();
  volatile boolean down;
  final Map<String, Integer> received = new ConcurrentHashMap<>();

  @Override
  public CompletableFuture<PublishBatchResponse> publishBatch(
      Consumer<PublishBatchRequest.Builder> request) {
    var built = PublishBatchRequest.builder().applyMutation(request).build();
    if (down) {
      return CompletableFuture.failedFuture(new IllegalStateException("SNS unreachable"));
    }
    var response = PublishBatchResponse.builder();
    var ok = new java.util.ArrayList<PublishBatchResultEntry>();
    var failed = new java.util.ArrayList<BatchResultErrorEntry>();
    for (var entry : built.publishBatchRequestEntries()) {
      received.merge(entry.message(), 1, Integer::sum);
      if (rejected.contains(entry.message())) {
        failed.add(
            BatchResultErrorEntry.builder()
                .id(entry.id())
                .code("InvalidParameter")
                .message("too long")
                .senderFault(true)
                .build());
      } else {
        ok.add(PublishBatchResultEntry.builder().id(entry.id()).messageId("m").build());
      }
    }
    return CompletableFuture.completedFuture(response.successful(ok).failed(failed).build());
  }

  @Override
  public String serviceName() {
    return "sns";
  }

  @Override
  public void close() {}
}
