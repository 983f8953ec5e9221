package io.emporium.helm;

import static io.emporium.helm.Manifests.at;
import static io.emporium.helm.Manifests.list;
import static io.emporium.helm.Manifests.ofKind;
import static io.emporium.helm.Manifests.only;
import static io.emporium.helm.Manifests.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** KEDA scales each consumer on exactly the queues topology.yaml gives it. */
class KedaTopologyTests {

  private static final Topology TOPOLOGY = Topology.load();

  static Stream<Arguments> chartsAndEnvs() {
    return ChartRenderingTests.chartsAndEnvs();
  }

  private static List<String> queueNames(List<Map<String, Object>> manifests) {
    return ofKind(manifests, "ScaledObject").stream()
        .flatMap(so -> list(so, "spec.triggers").stream())
        .filter(t -> "aws-sqs-queue".equals(t.get("type")))
        .map(t -> string(t, "metadata.queueURL"))
        .map(url -> url.substring(url.lastIndexOf('/') + 1))
        .toList();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void scalesOnEveryQueueTheServiceConsumesAndNoOther(String service, String env) {
    List<String> expected =
        TOPOLOGY.subscriptionsOf(env, service).stream().map(Subscription::queue).toList();

    assertThat(queueNames(Charts.manifests(service, env)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void triggersPointAtTheEnvironmentsQueuesInItsRegion(String service, String env) {
    List<Map<String, Object>> triggers =
        ofKind(Charts.manifests(service, env), "ScaledObject").stream()
            .flatMap(so -> list(so, "spec.triggers").stream())
            .toList();

    assertThat(triggers)
        .filteredOn(t -> "aws-sqs-queue".equals(t.get("type")))
        .allSatisfy(
            t -> {
              assertThat(string(t, "metadata.queueURL"))
                  .startsWith(
                      "https://sqs.eu-west-1.amazonaws.com/111111111111/emporium-" + env + "-");
              assertThat(string(t, "authenticationRef.name")).isEqualTo(service);
            });
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void consumersAreScaledByKedaAndOthersByAPlainAutoscaler(String service, String env) {
    List<Map<String, Object>> manifests = Charts.manifests(service, env);
    boolean consumer = !TOPOLOGY.subscriptionsOf(env, service).isEmpty();

    assertThat(ofKind(manifests, "ScaledObject")).hasSize(consumer ? 1 : 0);
    assertThat(ofKind(manifests, "TriggerAuthentication")).hasSize(consumer ? 1 : 0);
    assertThat(ofKind(manifests, "HorizontalPodAutoscaler")).hasSize(consumer ? 0 : 1);
    assertThat(at(only(manifests, "Deployment"), "spec.replicas"))
        .as("replicas are the autoscaler's to set")
        .isNull();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void aProducerOnlyServiceGetsAnHpaAndNoScaledObject(String service, String env) {
    List<Map<String, Object>> manifests =
        Charts.parse(Charts.renderWithValues(service, env, Map.of("consumesFrom", List.of())));

    assertThat(ofKind(manifests, "ScaledObject")).isEmpty();
    assertThat(ofKind(manifests, "TriggerAuthentication")).isEmpty();
    assertThat(string(only(manifests, "HorizontalPodAutoscaler"), "spec.scaleTargetRef.name"))
        .isEqualTo(service);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void withoutAutoscalingTheDeploymentKeepsItsReplicaCount(String service, String env) {
    List<Map<String, Object>> manifests =
        Charts.parse(
            Charts.renderWithValues(
                service, env, Map.of("autoscaling", Map.of("enabled", false), "replicaCount", 2)));

    assertThat(ofKind(manifests, "ScaledObject")).isEmpty();
    assertThat(ofKind(manifests, "HorizontalPodAutoscaler")).isEmpty();
    assertThat(at(only(manifests, "Deployment"), "spec.replicas")).isEqualTo(2);
  }
}
