package io.emporium.chaos.check;

import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import io.emporium.local.AwsClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The consumer queues and their DLQs, read on the emulator itself (past the proxy). */
public final class Queues implements AutoCloseable {

  static final String ENV = "local";

  private final SqsClient sqs;
  private final List<Subscription> subscriptions = Topology.load().subscriptions(ENV);

  public Queues(URI emulator) {
    this.sqs = AwsClients.emulator(emulator).sqs();
  }

  /** Messages waiting or in flight in the consumer queues (not the DLQs). */
  public long backlog() {
    return subscriptions.stream().mapToLong(s -> depth(s.queue())).sum();
  }

  /** Takes every message out of every DLQ: the body of each, by DLQ. */
  public Map<String, List<String>> drainDeadLetters() {
    Map<String, List<String>> letters = new java.util.LinkedHashMap<>();
    for (Subscription subscription : subscriptions) {
      letters.put(subscription.dlq(), drain(subscription.dlq()));
    }
    return letters;
  }

  private List<String> drain(String queue) {
    String url = url(queue);
    List<String> bodies = new ArrayList<>();
    while (true) {
      List<Message> messages =
          sqs.receiveMessage(
                  b ->
                      b.queueUrl(url)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(0)
                          .visibilityTimeout(60))
              .messages();
      if (messages.isEmpty()) {
        if (depth(queue) == 0) {
          return bodies;
        }
        pause();
      }
      for (Message message : messages) {
        bodies.add(message.body());
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private long depth(String queue) {
    var attributes =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url(queue))
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
            .attributes();
    return attributes.values().stream().mapToLong(Long::parseLong).sum();
  }

  private String url(String queue) {
    return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
  }

  @Override
  public void close() {
    sqs.close();
  }
}
