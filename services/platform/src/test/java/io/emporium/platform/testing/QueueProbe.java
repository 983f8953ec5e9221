package io.emporium.platform.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
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
    messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
    return messages;
  }
}
