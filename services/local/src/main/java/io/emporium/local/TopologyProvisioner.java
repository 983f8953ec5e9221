package io.emporium.local;

import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates what topology.yaml describes, idempotently: a topic per producer, a queue and DLQ per
 * consumer × producer edge (redrive after maxReceiveCount), a queue policy admitting the topic, and
 * a raw-delivery subscription filtered on the event type. The same code serves the tests, the
 * services' local profile and {@code ./emporium up}; Terraform does the same in AWS from the same
 * file.
 */
public final class TopologyProvisioner {

  private static final Logger log = LoggerFactory.getLogger(TopologyProvisioner.class);

  private final SnsClient sns;
  private final SqsClient sqs;

  public TopologyProvisioner(SnsClient sns, SqsClient sqs) {
    this.sns = sns;
    this.sqs = sqs;
  }

  /** Provisions every topic and edge of {@code env}; returns the topic ARNs by producer. */
  public Map<String, String> provision(Topology topology, String env) {
    Map<String, String> topicArns = new LinkedHashMap<>();
    topology
        .producers()
        .keySet()
        .forEach(p -> topicArns.put(p, createTopic(topology.topicName(env, p))));
    topology
        .subscriptions(env)
        .forEach(edge -> provisionEdge(edge, topicArns.get(edge.producer())));
    log.info(
        "provisioned topology '{}': {} topics, {} queues with DLQs",
        env,
        topicArns.size(),
        topology.subscriptions(env).size());
    return topicArns;
  }

  private String createTopic(String name) {
    return sns.createTopic(b -> b.name(name)).topicArn();
  }

  private void provisionEdge(Subscription edge, String topicArn) {
    var settings = edge.settings();
    String dlqUrl =
        createQueue(
            edge.dlq(),
            Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                String.valueOf(settings.dlqRetentionSeconds())));
    String dlqArn = queueArn(dlqUrl);
    String queueUrl =
        createQueue(
            edge.queue(),
            Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT,
                String.valueOf(settings.visibilityTimeoutSeconds()),
                QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                String.valueOf(settings.messageRetentionSeconds()),
                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
                String.valueOf(settings.receiveWaitTimeSeconds()),
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":%d}"
                    .formatted(dlqArn, settings.maxReceiveCount())));
    String queueArn = queueArn(queueUrl);
    sqs.setQueueAttributes(
        b ->
            b.queueUrl(queueUrl)
                .attributes(Map.of(QueueAttributeName.POLICY, policy(queueArn, topicArn))));
    subscribe(edge, topicArn, queueArn);
  }

  private String createQueue(String name, Map<QueueAttributeName, String> attributes) {
    String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
    sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(attributes));
    return url;
  }

  private String queueArn(String queueUrl) {
    return sqs.getQueueAttributes(
            b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  private void subscribe(Subscription edge, String topicArn, String queueArn) {
    Map<String, String> attributes =
        Map.of("RawMessageDelivery", "true", "FilterPolicy", edge.filterPolicy());
    try {
      sns.subscribe(
          b ->
              b.topicArn(topicArn)
                  .protocol("sqs")
                  .endpoint(queueArn)
                  .attributes(attributes)
                  .returnSubscriptionArn(true));
    } catch (InvalidParameterException existingWithOtherAttributes) {
      String arn =
          sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().stream()
              .filter(s -> s.endpoint().equals(queueArn))
              .findFirst()
              .orElseThrow(() -> existingWithOtherAttributes)
              .subscriptionArn();
      attributes.forEach(
          (name, value) ->
              sns.setSubscriptionAttributes(
                  b -> b.subscriptionArn(arn).attributeName(name).attributeValue(value)));
    }
  }

  private static String policy(String queueArn, String topicArn) {
    return """
        {"Version":"2012-10-17","Statement":[{"Sid":"topic-only","Effect":"Allow",\
        "Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"%s",\
        "Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}"""
        .formatted(queueArn, topicArn);
  }
}
