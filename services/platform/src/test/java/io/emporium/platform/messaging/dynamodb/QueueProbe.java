package io.emporium.platform.messaging.dynamodb;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Reads a test queue to the end, so tests can count what arrived. */
final class QueueProbe {

  private final SqsClient sqs;
  private final String url;

  QueueProbe(SqsClient sqs, String queueName) {
    this.sqs = sqs;
    this.url = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
  }

  /** Forgets what earlier tests left in the queue. */
  void purge() {
    sqs.purgeQueue(b -> b.queueUrl(url));
  }

  /** Every message until a one-second long poll comes back empty, each deleted once read. */
  List<Message> drain() {
    List<Message> all = new ArrayList<>();
    List<Message> batch;
    do {
      batch = receive(1);
      all.addAll(batch);
    } while (!batch.isEmpty());
    return all;
  }

  /**
   * Waits (long polls, up to {@code maxPolls} of 2 s) until {@code expected} messages arrived, then
   * reads on until the queue is empty: returns everything read.
   */
  List<Message> awaitAtLeast(int expected, int maxPolls) {
    List<Message> all = new ArrayList<>();
    for (int poll = 0; poll < maxPolls && all.size() < expected; poll++) {
      all.addAll(receive(2));
    }
    all.addAll(drain());
    return all;
  }

  private List<Message> receive(int waitSeconds) {
    List<Message> messages =
        sqs.receiveMessage(
                b ->
                    b.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(waitSeconds)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
            .messages();
    if (!messages.isEmpty()) {
      var entries =
          messages.stream()
              .map(
                  m ->
                      DeleteMessageBatchRequestEntry.builder()
                          .id(m.messageId())
                          .receiptHandle(m.receiptHandle())
                          .build())
              .toList();
      sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
    }
    return messages;
  }
}
