package io.emporium.platform.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Inspects and replays a queue's dead letters. Replay is receive → send to the source queue (same
 * body and attributes) → delete, which works on AWS, LocalStack and moto alike (moto lacks
 * StartMessageMoveTask). Consumers are idempotent, so replaying a handled event is harmless.
 */
public final class DeadLetters {

  static final String DLQ_SUFFIX = "-dlq";
  private static final int PEEK_VISIBILITY_SECONDS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SqsClient sqs;

  public DeadLetters(SqsClient sqs) {
    this.sqs = sqs;
  }

  /** The DLQ of {@code queue}, which may name the source queue or the DLQ itself. */
  public static String dlqOf(String queue) {
    return queue.endsWith(DLQ_SUFFIX) ? queue : queue + DLQ_SUFFIX;
  }

  public static String sourceOf(String queue) {
    return queue.endsWith(DLQ_SUFFIX)
        ? queue.substring(0, queue.length() - DLQ_SUFFIX.length())
        : queue;
  }

  /** Up to {@code max} dead letters, left in the DLQ (visible again right after). */
  public List<DeadLetter> list(String queue, int max) {
    String dlqUrl = url(dlqOf(queue));
    List<Message> seen = new ArrayList<>();
    List<Message> batch;
    do {
      batch = receive(dlqUrl, Math.min(10, max - seen.size()));
      seen.addAll(batch);
    } while (!batch.isEmpty() && seen.size() < max);
    seen.forEach(m -> makeVisible(dlqUrl, m));
    return seen.stream().map(DeadLetters::describe).toList();
  }

  /**
   * Moves dead letters back to the source queue: all of them when {@code messageIds} is empty, else
   * only those. Reports each move to {@code progress}; returns how many moved.
   */
  public int replay(String queue, Set<String> messageIds, Consumer<DeadLetter> progress) {
    String dlqUrl = url(dlqOf(queue));
    String sourceUrl = url(sourceOf(queue));
    int moved = 0;
    List<Message> skipped = new ArrayList<>();
    List<Message> batch;
    while (!(batch = receive(dlqUrl, 10)).isEmpty()) {
      for (Message message : batch) {
        if (!messageIds.isEmpty() && !messageIds.contains(message.messageId())) {
          skipped.add(message);
          continue;
        }
        sqs.sendMessage(
            b ->
                b.queueUrl(sourceUrl)
                    .messageBody(message.body())
                    .messageAttributes(message.messageAttributes()));
        sqs.deleteMessage(b -> b.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
        progress.accept(describe(message));
        moved++;
      }
    }
    skipped.forEach(m -> makeVisible(dlqUrl, m));
    return moved;
  }

  private List<Message> receive(String url, int max) {
    if (max <= 0) {
      return List.of();
    }
    return sqs.receiveMessage(
            b ->
                b.queueUrl(url)
                    .maxNumberOfMessages(max)
                    .visibilityTimeout(PEEK_VISIBILITY_SECONDS)
                    .waitTimeSeconds(1)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
        .messages();
  }

  private void makeVisible(String url, Message message) {
    sqs.changeMessageVisibility(
        b -> b.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
  }

  private String url(String queue) {
    return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
  }

  private static DeadLetter describe(Message message) {
    JsonNode envelope = parse(message.body());
    int receives =
        Integer.parseInt(
            message
                .attributes()
                .getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0"));
    return new DeadLetter(
        message.messageId(),
        envelope.path("id").asText("-"),
        envelope.path("type").asText("-"),
        envelope.path("subject").asText("-"),
        receives,
        message.body());
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception notJson) {
      return JSON.createObjectNode();
    }
  }
}
