package io.emporium.events.docs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emporium.events.topology.QueueSettings;
import io.emporium.events.topology.Subscription;
import java.util.List;

/**
 * AsyncAPI SNS and SQS operation bindings (binding version 0.2.0): who subscribes to a topic with
 * which filter policy, and each queue's settings and redrive policy.
 */
final class AsyncApiBindings {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String VERSION = "0.2.0";

  private AsyncApiBindings() {}

  /** The send operation's SNS binding: every queue subscribed to the topic, raw delivery. */
  static ObjectNode sns(List<Subscription> subscriptions, String typeAttribute) {
    ObjectNode bindings = NODES.objectNode();
    ObjectNode sns = bindings.putObject("sns");
    ArrayNode consumers = sns.putArray("consumers");
    for (Subscription s : subscriptions) {
      ObjectNode consumer = consumers.addObject();
      consumer.put("protocol", "sqs");
      consumer.putObject("endpoint").put("name", s.queue());
      ArrayNode types = consumer.putObject("filterPolicy").putArray(typeAttribute);
      s.types().forEach(types::add);
      consumer.put("filterPolicyScope", "MessageAttributes");
      consumer.put("rawMessageDelivery", true);
    }
    sns.put("bindingVersion", VERSION);
    return bindings;
  }

  /** The receive operation's SQS binding: the queue with its redrive policy, and its DLQ. */
  static ObjectNode sqs(Subscription s) {
    QueueSettings settings = s.settings();
    ObjectNode bindings = NODES.objectNode();
    ObjectNode sqs = bindings.putObject("sqs");
    ArrayNode queues = sqs.putArray("queues");
    ObjectNode queue = queues.addObject();
    queue.put("name", s.queue());
    queue.put("fifoQueue", false);
    queue.put("visibilityTimeout", settings.visibilityTimeoutSeconds());
    queue.put("receiveMessageWaitTime", settings.receiveWaitTimeSeconds());
    queue.put("messageRetentionPeriod", settings.messageRetentionSeconds());
    ObjectNode redrive = queue.putObject("redrivePolicy");
    redrive.putObject("deadLetterQueue").put("name", s.dlq());
    redrive.put("maxReceiveCount", settings.maxReceiveCount());
    ObjectNode dlq = queues.addObject();
    dlq.put("name", s.dlq());
    dlq.put("fifoQueue", false);
    dlq.put("messageRetentionPeriod", settings.dlqRetentionSeconds());
    sqs.put("bindingVersion", VERSION);
    return bindings;
  }
}
