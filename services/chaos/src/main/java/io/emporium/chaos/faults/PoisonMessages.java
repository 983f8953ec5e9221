package io.emporium.chaos.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import io.emporium.local.AwsClients;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Poison in every consumer queue at {@code at}: a body that is not JSON, an envelope of a type no
 * one knows, and an envelope of a type the queue receives whose data breaks its schema. None can
 * ever be handled; each must reach its DLQ (quickly), and nothing else may.
 */
public record PoisonMessages(Duration at, Duration mustReachDlqWithin) implements Fault {

  static final String ENV = "local";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String describe() {
    return "3 poison messages into every queue";
  }

  @Override
  public void inject(FaultContext context) throws InterruptedException {
    context.sleepUntil(at);
    Instant injected = Instant.now();
    try (SqsClient sqs = AwsClients.emulator(context.stack().emulator()).sqs()) {
      var subscriptions = Topology.load().subscriptions(ENV);
      for (Subscription subscription : subscriptions) {
        String url = sqs.getQueueUrl(b -> b.queueName(subscription.queue())).queueUrl();
        for (var poison : bodies(subscription).entrySet()) {
          UUID marker = poison.getValue().marker();
          sqs.sendMessage(
              b ->
                  b.queueUrl(url)
                      .messageBody(poison.getValue().body())
                      .messageAttributes(
                          Map.of(
                              "type",
                              MessageAttributeValue.builder()
                                  .dataType("String")
                                  .stringValue(poison.getValue().type())
                                  .build())));
          context
              .poison()
              .add(
                  new PoisonLog.Poison(
                      subscription.queue(), subscription.dlq(), poison.getKey(), marker, injected));
        }
      }
      context.say("injected " + context.poison().injected().size() + " poison messages");
      awaitDeadLetters(sqs, context, injected);
    }
  }

  private void awaitDeadLetters(SqsClient sqs, FaultContext context, Instant injected)
      throws InterruptedException {
    Map<String, Long> expected = context.poison().expectedPerDlq();
    Map<String, String> urls = new HashMap<>();
    expected
        .keySet()
        .forEach(dlq -> urls.put(dlq, sqs.getQueueUrl(b -> b.queueName(dlq)).queueUrl()));
    Instant giveUp = injected.plus(mustReachDlqWithin);
    Map<String, Long> waiting = new HashMap<>(expected);
    while (!waiting.isEmpty() && Instant.now().isBefore(giveUp)) {
      for (var dlq : Map.copyOf(waiting).entrySet()) {
        if (depth(sqs, urls.get(dlq.getKey())) >= dlq.getValue()) {
          context.poison().reachedDlq(dlq.getKey(), Duration.between(injected, Instant.now()));
          waiting.remove(dlq.getKey());
        }
      }
      Thread.sleep(1000);
    }
    if (!waiting.isEmpty()) {
      context.say(
          "poison not in " + waiting.keySet() + " after " + mustReachDlqWithin.toSeconds() + " s");
    }
  }

  private static long depth(SqsClient sqs, String url) {
    var attributes =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return attributes.values().stream().mapToLong(Long::parseLong).sum();
  }

  private static Map<String, Body> bodies(Subscription subscription) {
    Map<String, Body> bodies = new LinkedHashMap<>();
    UUID notJson = UUID.randomUUID();
    bodies.put(
        "not JSON",
        new Body(
            notJson, subscription.types().getFirst(), "chaos-poison " + notJson + " {not json"));
    UUID unknown = UUID.randomUUID();
    bodies.put(
        "unknown type", new Body(unknown, "chaos.Poison.v1", envelope(unknown, "chaos.Poison.v1")));
    UUID invalid = UUID.randomUUID();
    String type = subscription.types().getFirst();
    bodies.put("schema violation", new Body(invalid, type, envelope(invalid, type)));
    return bodies;
  }

  private static String envelope(UUID id, String type) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("specversion", "1.0");
    envelope.put("id", id.toString());
    envelope.put("type", type);
    envelope.put("source", "chaos");
    envelope.put("time", Instant.now().toString());
    envelope.put("subject", "chaos-poison-" + id);
    envelope.put("datacontenttype", "application/json");
    envelope.put("data", Map.of("chaosPoison", id.toString()));
    try {
      return JSON.writeValueAsString(envelope);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Body(UUID marker, String type, String body) {}
}
