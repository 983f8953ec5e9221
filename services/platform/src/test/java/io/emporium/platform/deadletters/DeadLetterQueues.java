package io.emporium.platform.deadletters;

import io.emporium.events.dataschema.DataSchema;
import io.emporium.events.dataschema.DataSchema.AuditTable;
import io.emporium.events.topology.Topology;
import io.emporium.local.DynamoDbTables;
import io.emporium.platform.testing.TestEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * A source queue and its DLQ of their own on the test emulator (redrive after one receive), the
 * audit table of a throwaway environment, and the {@link DeadLetters} over them.
 */
final class DeadLetterQueues {

  final SqsClient sqs = TestEnvironment.aws().clients().sqs();
  final DynamoDbClient dynamo =
      DynamoDbClient.builder()
          .endpointOverride(TestEnvironment.aws().endpoint())
          .region(TestEnvironment.aws().clients().region())
          .credentialsProvider(TestEnvironment.aws().clients().credentials())
          .build();
  final String env = "dlq" + UUID.randomUUID().toString().substring(0, 8);
  final String source = "emporium-" + env + "-tool-from-test";
  final String dlq = source + "-dlq";
  final String sourceUrl;
  final String dlqUrl;
  final DynamoDbAuditLog audit;
  final DeadLetters deadLetters;

  DeadLetterQueues() {
    dlqUrl = sqs.createQueue(b -> b.queueName(dlq)).queueUrl();
    String dlqArn =
        sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    sourceUrl =
        sqs.createQueue(
                b ->
                    b.queueName(source)
                        .attributes(
                            Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"1\"}"
                                    .formatted(dlqArn))))
            .queueUrl();
    Topology topology = Topology.load();
    AuditTable table = DataSchema.load().deadLetterAudit(env);
    new DynamoDbTables(dynamo).createAudit(table);
    audit = new DynamoDbAuditLog(dynamo, table);
    deadLetters =
        new DeadLetters(
            sqs,
            new QueueDirectory(sqs, topology, env, Clock.systemUTC()),
            audit,
            Clock.systemUTC(),
            Duration.ofSeconds(30));
  }

  /** Puts {@code count} events of {@code type} about {@code subject} into the DLQ. */
  List<String> deadLetters(int count, String type, String subject) {
    List<String> eventIds = new ArrayList<>();
    for (int from = 0; from < count; from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 10); i++) {
        String eventId = UUID.randomUUID().toString();
        eventIds.add(eventId);
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id(Integer.toString(i - from))
                .messageBody(
                    "{\"id\":\"%s\",\"type\":\"%s\",\"subject\":\"%s\",\"data\":{}}"
                        .formatted(eventId, type, subject))
                .messageAttributes(
                    Map.of(
                        "type",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(type)
                            .build()))
                .build());
      }
      sqs.sendMessageBatch(b -> b.queueUrl(dlqUrl).entries(entries));
    }
    return eventIds;
  }

  /** Every message in {@code url}, deleted as read, until a one-second poll comes back empty. */
  List<Message> drain(String url) {
    List<Message> all = new ArrayList<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(
                  b ->
                      b.queueUrl(url)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(1)
                          .messageAttributeNames("All")
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
      all.addAll(batch);
      for (Message m : batch) {
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    } while (!batch.isEmpty());
    return all;
  }

  /** Event ids of the messages in the DLQ, left there. */
  List<String> inDlq() {
    return deadLetters.show(dlq, Integer.MAX_VALUE).letters().stream()
        .map(DeadLetter::eventId)
        .toList();
  }

  static String eventId(Message message) {
    return DeadLetter.of(message).eventId();
  }
}
