package io.emporium.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import io.emporium.local.AwsClients;
import io.emporium.local.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The messaging module applied to moto (archive included), read back with the AWS SDK and compared
 * with topology.yaml: every topic, queue, DLQ and subscription present with its attributes, nothing
 * extra; then destroyed, leaving nothing behind. The destroy runs last, as a test of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagingModuleIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENV = "it" + UUID.randomUUID().toString().substring(0, 8);
  private static final String PREFIX = "emporium-" + ENV + "-";

  private static MotoServer moto;
  private static Terraform terraform;
  private static SnsClient sns;
  private static SqsClient sqs;
  private static Topology topology;
  private static String[] vars;

  @BeforeAll
  static void apply() {
    moto = MotoServer.start();
    AwsClients aws = AwsClients.emulator(moto.endpoint());
    sns = aws.sns();
    sqs = aws.sqs();
    topology = Topology.load(Roots.TOPOLOGY);
    terraform =
        Terraform.in(Terraform.MODULE_DIR.resolve("src/test/terraform/messaging"), "it-messaging");
    vars =
        new String[] {
          "-var", "endpoint=" + moto.endpoint(),
          "-var", "environment=" + ENV,
          "-var", "topology_file=" + Roots.TOPOLOGY,
          "-var", "archive_enabled=true"
        };
    terraform.ok(
        "init",
        "-input=false",
        "-no-color",
        "-reconfigure",
        "-backend-config=path=" + Terraform.TARGET.resolve("it-messaging-" + ENV + ".tfstate"));
    terraform.ok(
        withVars("apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=20"));
  }

  /** moto forgets everything when it stops: nothing outlives the run even when destroy fails. */
  @AfterAll
  static void close() {
    if (sns != null) {
      sns.close();
      sqs.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void createsOneTopicPerProducerAndNothingElse() {
    assertThat(topicArns().keySet())
        .containsExactlyInAnyOrderElementsOf(
            topology.producers().keySet().stream().map(p -> topology.topicName(ENV, p)).toList());
  }

  @Test
  void createsTheQueuesAndDlqsOfEveryEdgeAndNothingElse() {
    List<String> expected = new ArrayList<>();
    topology.subscriptions(ENV).forEach(s -> expected.addAll(List.of(s.queue(), s.dlq())));

    assertThat(queueNames()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void configuresEveryQueueWithItsDlqAndTheTopologyDefaults() {
    for (Subscription s : topology.subscriptions(ENV)) {
      Map<String, String> queue = attributes(s.queue());
      Map<String, String> dlq = attributes(s.dlq());
      JsonNode redrive = json(queue.get("RedrivePolicy"));

      assertThat(redrive.path("deadLetterTargetArn").asText())
          .as(s.queue())
          .isEqualTo(dlq.get("QueueArn"));
      assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(s.settings().maxReceiveCount());
      assertThat(queue)
          .containsEntry(
              "VisibilityTimeout", String.valueOf(s.settings().visibilityTimeoutSeconds()))
          .containsEntry(
              "MessageRetentionPeriod", String.valueOf(s.settings().messageRetentionSeconds()))
          .containsEntry(
              "ReceiveMessageWaitTimeSeconds",
              String.valueOf(s.settings().receiveWaitTimeSeconds()))
          .containsEntry("SqsManagedSseEnabled", "true");
      assertThat(dlq)
          .containsEntry(
              "MessageRetentionPeriod", String.valueOf(s.settings().dlqRetentionSeconds()));
      JsonNode policy = json(queue.get("Policy")).path("Statement").get(0);
      assertThat(policy.path("Condition").path("ArnEquals").path("aws:SourceArn").asText())
          .as("only its topic may send to %s", s.queue())
          .isEqualTo(topicArns().get(s.topic()));
    }
  }

  @Test
  void subscribesEveryQueueToItsTopicWithRawDeliveryAndItsFilterPolicy() {
    Map<String, String> topics = topicArns();
    Set<String> expected =
        topology.subscriptions(ENV).stream()
            .map(s -> s.topic() + " -> " + s.queue() + " raw=true " + json(s.filterPolicy()))
            .collect(Collectors.toSet());

    List<String> actual = new ArrayList<>();
    for (var topic : topics.entrySet()) {
      for (var sub :
          sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(topic.getValue()))
              .subscriptions()) {
        if (!sub.protocol().equals("sqs")) {
          continue;
        }
        Map<String, String> attributes =
            sns.getSubscriptionAttributes(r -> r.subscriptionArn(sub.subscriptionArn()))
                .attributes();
        String queue = sub.endpoint().substring(sub.endpoint().lastIndexOf(':') + 1);
        actual.add(
            topic.getKey()
                + " -> "
                + queue
                + " raw="
                + attributes.get("RawMessageDelivery")
                + " "
                + json(attributes.get("FilterPolicy")));
      }
    }

    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void archivesEveryTopicThroughFirehose() {
    for (var topic : topicArns().entrySet()) {
      List<String> archive =
          sns
              .listSubscriptionsByTopicPaginator(r -> r.topicArn(topic.getValue()))
              .subscriptions()
              .stream()
              .filter(sub -> sub.protocol().equals("firehose"))
              .map(sub -> sub.endpoint())
              .toList();
      assertThat(archive)
          .as(topic.getKey())
          .singleElement()
          .asString()
          .endsWith(":deliverystream/" + topic.getKey() + "-archive");
    }
  }

  @Test
  void outputsQueueUrlsByName() {
    JsonNode outputs = json(terraform.ok("output", "-json", "-no-color"));

    List<String> names = new ArrayList<>();
    outputs.path("queue_urls").path("value").fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactlyInAnyOrderElementsOf(
            topology.subscriptions(ENV).stream().map(Subscription::queue).toList());
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void destroyLeavesNothingBehind() {
    terraform.ok(
        withVars("destroy", "-auto-approve", "-input=false", "-no-color", "-parallelism=20"));

    assertThat(topicArns()).as("topics after destroy").isEmpty();
    assertThat(queueNames()).as("queues after destroy").isEmpty();
  }

  private static Map<String, String> topicArns() {
    return sns.listTopicsPaginator().topics().stream()
        .map(Topic::topicArn)
        .filter(arn -> arn.substring(arn.lastIndexOf(':') + 1).startsWith(PREFIX))
        .collect(Collectors.toMap(arn -> arn.substring(arn.lastIndexOf(':') + 1), arn -> arn));
  }

  private static List<String> queueNames() {
    return sqs.listQueues(r -> r.queueNamePrefix(PREFIX)).queueUrls().stream()
        .map(url -> url.substring(url.lastIndexOf('/') + 1))
        .toList();
  }

  private static Map<String, String> attributes(String queue) {
    String url = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
    return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
        .attributesAsStrings();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] withVars(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(vars));
    return all.toArray(String[]::new);
  }
}
