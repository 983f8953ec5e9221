package io.emporium.platform.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Reads a queue the way a test observes it: everything that arrives within a bound, deleted. */
public final class QueueProbe {

  private final SqsClient sqs;

  public QueueProbe(SqsClient sqs) {
    this.sqs = sqs;
  }

  public static QueueProbe forTestEmulator() {
    return new QueueProbe(TestEnvironment.aws().clients().sqs());
  }

  /** Waits up to {@code within} until {@code expected} messages arrived, then returns them all. */
  public List<Message> await(String queue, int expected, Duration within) {
    return await(queue, m -> true, expected, within);
  }

  /**
   * Waits up to {@code within} until {@code expected} messages matching {@code filter} arrived;
   * returns the matching ones (others read meanwhile are deleted and dropped).
   */
  public List<Message> await(
      String queue, Predicate<Message> filter, int expected, Duration within) {
    String url = url(queue);
    List<Message> received = new ArrayList<>();
    Instant deadline = Instant.now().plus(within);
    while (received.size() < expected && Instant.now().isBefore(deadline)) {
      receiveOnce(url, 1).stream().filter(filter).forEach(received::add);
    }
    return received;
  }

  /** Everything that arrives during {@code window}: for asserting that nothing (more) comes. */
  public List<Message> drain(String queue, Duration window) {
    String url = url(queue);
    List<Message> received = new ArrayList<>();
    Instant deadline = Instant.now().plus(window);
    while (Instant.now().isBefore(deadline)) {
      received.addAll(receiveOnce(url, 1));
    }
    return received;
  }

  /**
   * Waits up to {@code within} until {@code expected} messages arrived, then reads on until the
   * queue is empty: returns everything read.
   */
  public List<Message> awaitAtLeast(String queue, int expected, Duration within) {
    List<Message> all = new ArrayList<>(await(queue, expected, within));
    all.addAll(drainUntilEmpty(queue));
    return all;
  }

  /** Every message until a one-second long poll comes back empty, each deleted once read. */
  public List<Message> drainUntilEmpty(String queue) {
    String url = url(queue);
    List<Message> all = new ArrayList<>();
    List<Message> batch;
    do {
      batch = receiveOnce(url, 1);
      all.addAll(batch);
    } while (!batch.isEmpty());
    return all;
  }

  /** Forgets what earlier tests left in the queue. */
  public void purge(String queue) {
    sqs.purgeQueue(b -> b.queueUrl(url(queue)));
  }

  public void send(String queue, String body) {
    sqs.sendMessage(b -> b.queueUrl(url(queue)).messageBody(body));
  }

  public String url(String queue) {
    return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
  }

  private List<Message> receiveOnce(String url, int waitSeconds) {
    var messages =
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
