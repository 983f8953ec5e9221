package io.emporium.events.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.events.EventTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** topology.yaml agrees with the registered events and names every resource by the pattern. */
class TopologyContractTests {

  private static final String ENV = "test";
  private static final Topology TOPOLOGY = Topology.load();
  private static final EventTypes TYPES = EventTypes.all();

  static Stream<Subscription> subscriptions() {
    return TOPOLOGY.subscriptions(ENV).stream();
  }

  @ParameterizedTest
  @MethodSource("subscriptions")
  void queueFiltersOnlyForRegisteredTypesOfItsProducer(Subscription subscription) {
    assertThat(subscription.types()).isNotEmpty().doesNotHaveDuplicates();
    assertThat(TOPOLOGY.producers().get(subscription.producer()))
        .as("types %s publishes", subscription.producer())
        .containsAll(subscription.types());
    assertThat(TYPES.types()).containsAll(subscription.types());
  }

  @Test
  void everyProducerListsExactlyItsRegisteredTypes() {
    Set<String> producers =
        TYPES.types().stream().map(EventTypes::producerOf).collect(Collectors.toSet());

    assertThat(TOPOLOGY.producers().keySet()).isEqualTo(producers);
    TOPOLOGY
        .producers()
        .forEach(
            (producer, listed) ->
                assertThat(listed)
                    .as("types of %s", producer)
                    .containsExactlyInAnyOrderElementsOf(registeredTypesOf(producer)));
  }

  @ParameterizedTest
  @MethodSource("subscriptions")
  void everyQueueHasADeadLetterQueue(Subscription subscription) {
    assertThat(subscription.dlq()).isEqualTo(subscription.queue() + "-dlq");
    assertThat(subscription.settings().maxReceiveCount()).isPositive();
    assertThat(subscription.settings().dlqRetentionSeconds())
        .isGreaterThan(subscription.settings().messageRetentionSeconds());
  }

  @ParameterizedTest
  @MethodSource("subscriptions")
  void namesFollowTheEnvironmentPattern(Subscription s) {
    String edge = s.consumer() + "-from-" + s.producer();

    assertThat(s.topic()).isEqualTo("emporium-" + ENV + "-" + s.producer() + "-events");
    assertThat(s.queue()).isEqualTo("emporium-" + ENV + "-" + edge);
    assertThat(s.dlq()).hasSizeLessThanOrEqualTo(80).matches("[a-z0-9-]+");
  }

  @Test
  void everyTopicAndQueueNameIsUnique() {
    List<String> names =
        subscriptions().flatMap(s -> Stream.of(s.queue(), s.dlq())).collect(Collectors.toList());
    TOPOLOGY.producers().keySet().forEach(p -> names.add(TOPOLOGY.topicName(ENV, p)));

    assertThat(names).doesNotHaveDuplicates();
    assertThat(new HashSet<>(names)).allMatch(name -> name.startsWith("emporium-" + ENV + "-"));
  }

  @ParameterizedTest
  @MethodSource("subscriptions")
  void filterPolicyIsJsonMatchingTheTypeAttribute(Subscription subscription) throws Exception {
    JsonNode policy = new ObjectMapper().readTree(subscription.filterPolicy());
    JsonNode allowed = policy.path(TOPOLOGY.naming().typeAttribute());

    assertThat(policy.size()).isEqualTo(1);
    assertThat(allowed.isArray()).isTrue();
    assertThat(allowed.valueStream().map(JsonNode::asText))
        .containsExactlyElementsOf(subscription.types());
  }

  @Test
  void everyConsumerSeesEnvironmentSpecificNames() {
    Subscription dev = TOPOLOGY.subscription("dev", "order", "payment");
    Subscription prod = TOPOLOGY.subscription("prod", "order", "payment");

    assertThat(dev.queue()).isEqualTo("emporium-dev-order-from-payment");
    assertThat(prod.topic()).isEqualTo("emporium-prod-payment-events");
  }

  private static Set<String> registeredTypesOf(String producer) {
    return TYPES.types().stream()
        .filter(t -> EventTypes.producerOf(t).equals(producer))
        .collect(Collectors.toSet());
  }

  @Test
  void edgeOfFindsTheEdgeOfAQueueAndOfItsDlq() {
    Subscription edge = TOPOLOGY.subscription("prod", "order", "payment");
    assertThat(TOPOLOGY.edgeOf("prod", edge.dlq())).contains(edge);
    assertThat(TOPOLOGY.edgeOf("prod", edge.queue())).contains(edge);
    assertThat(TOPOLOGY.edgeOf("dev", edge.dlq())).isEmpty();
  }
}
