package io.emporium.platform.deadletters;

import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Finds DLQs by name and tells how full they are. */
public final class QueueDirectory {

  private final SqsClient sqs;
  private final Topology topology;
  private final String env;
  private final Clock clock;

  public QueueDirectory(SqsClient sqs, Topology topology, String env, Clock clock) {
    this.sqs = sqs;
    this.topology = topology;
    this.env = env;
    this.clock = clock;
  }

  public String env() {
    return env;
  }

  /** The DLQ named {@code queue} (or the DLQ of the source queue named so) and its source. */
  public DeadLetterQueue resolve(String queue) {
    String dlq = DeadLetterQueue.dlqName(queue);
    String source = DeadLetterQueue.sourceName(queue);
    String dlqUrl = url(dlq, queue);
    String sourceUrl = url(source, queue);
    Optional<Subscription> edge = topology.edgeOf(env, dlq);
    return new DeadLetterQueue(
        dlq,
        dlqUrl,
        arn(dlqUrl),
        source,
        sourceUrl,
        arn(sourceUrl),
        edge.map(Subscription::consumer).orElse(null),
        edge.map(Subscription::producer).orElse(null));
  }

  /** Every DLQ of the environment's topology (of one consumer, when not null), in file order. */
  public List<QueueStats> list(String consumer) {
    return topology.subscriptions(env).stream()
        .filter(s -> consumer == null || s.consumer().equals(consumer))
        .map(this::stats)
        .toList();
  }

  private QueueStats stats(Subscription edge) {
    String url = url(edge.dlq(), edge.dlq());
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    int visible = count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    int inFlight = count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    return new QueueStats(
        edge.dlq(),
        edge.queue(),
        edge.consumer(),
        edge.producer(),
        visible,
        inFlight,
        visible == 0 ? null : oldestAge(url));
  }

  /**
   * The age of the oldest message a peek sees (SQS has no such queue attribute; CloudWatch's metric
   * lags by minutes): up to three receives of ten with visibility 0, which leave every message
   * visible.
   */
  private Duration oldestAge(String url) {
    Instant oldest = null;
    for (int i = 0; i < 3; i++) {
      List<Message> peeked =
          sqs.receiveMessage(
                  b ->
                      b.queueUrl(url)
                          .maxNumberOfMessages(10)
                          .visibilityTimeout(0)
                          .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP))
              .messages();
      for (Message message : peeked) {
        Instant sent =
            Instant.ofEpochMilli(
                Long.parseLong(
                    message
                        .attributes()
                        .getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0")));
        if (oldest == null || sent.isBefore(oldest)) {
          oldest = sent;
        }
      }
    }
    return oldest == null ? null : Duration.between(oldest, clock.instant());
  }

  /** The approximate number of visible messages in the queue at {@code url}. */
  int depth(String url) {
    return count(
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes(),
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
  }

  private String url(String name, String asked) {
    try {
      return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    } catch (QueueDoesNotExistException e) {
      throw unknown(name, asked);
    } catch (SqsException e) {
      String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
      if (String.valueOf(code).contains("NonExistentQueue")) {
        throw unknown(name, asked); // moto's code for it
      }
      throw e;
    }
  }

  private static UnknownQueueException unknown(String name, String asked) {
    return new UnknownQueueException(
        "no queue '" + name + "' (asked for '" + asked + "'): see ./emporium dlq list");
  }

  private String arn(String url) {
    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  private static int count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
    return Integer.parseInt(attributes.getOrDefault(name, "0"));
  }

  /** A DLQ's depth: visible messages, those being read now, the age of the oldest seen. */
  public record QueueStats(
      String dlq,
      String source,
      String consumer,
      String producer,
      int messages,
      int inFlight,
      Duration oldestAge) {}
}
