package io.emporium.helm;

import static io.emporium.helm.Manifests.at;
import static io.emporium.helm.Manifests.list;
import static io.emporium.helm.Manifests.map;
import static io.emporium.helm.Manifests.only;
import static io.emporium.helm.Manifests.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may talk to whom: the Ingress is HTTPS only and names the security group and web ACL that
 * admit CloudFront only; the NetworkPolicy admits the ALB's subnets (not the VPC), Prometheus and
 * the services that declare a call, and lets out only DNS, HTTPS, the collector, the database and
 * the declared calls; a declared call (the cart's to the catalog) is wired on both ends.
 */
class TrafficTests {

  static Stream<Arguments> chartsAndEnvs() {
    return ChartRenderingTests.chartsAndEnvs();
  }

  private static Map<String, Object> policy(String service, String env) {
    return only(Charts.manifests(service, env), "NetworkPolicy");
  }

  @SuppressWarnings("unchecked")
  private static List<String> albSubnets(String env) {
    Map<String, Object> values =
        Charts.read(Charts.helmDir().resolve("environments").resolve(env + ".yaml"));
    return (List<String>) at(values, "networkPolicy.albSourceCidrs");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void admitsTheAlbsSubnetsPrometheusAndDeclaredCallersOnTheHttpPortOnly(
      String service, String env) {
    List<Map<String, Object>> rules = list(policy(service, env), "spec.ingress");
    List<Object> sources = new ArrayList<>();
    rules.forEach(rule -> sources.addAll(list(rule, "from")));

    assertThat(rules)
        .allSatisfy(
            rule ->
                assertThat(list(rule, "ports"))
                    .containsExactly(Map.of("port", "http", "protocol", "TCP")));
    assertThat(sources)
        .containsExactlyInAnyOrder(
            Stream.concat(
                    albSubnets(env).stream().map(cidr -> Map.of("ipBlock", Map.of("cidr", cidr))),
                    Stream.of(
                        Map.of(
                            "namespaceSelector",
                            Map.of(
                                "matchLabels",
                                Map.of("kubernetes.io/metadata.name", "monitoring"))),
                        Map.of(
                            "podSelector",
                            Map.of("matchLabels", Map.of("emporium.io/calls-" + service, "true")))))
                .toArray());
    assertThat(albSubnets(env))
        .as("the ALB's public subnets, not the whole VPC")
        .allSatisfy(
            cidr ->
                assertThat(Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1)))
                    .isGreaterThan(16));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void deniesByDefaultAndLetsOutOnlyWhatTheServiceNeeds(String service, String env) {
    Map<String, Object> policy = policy(service, env);
    List<Object> egressPorts =
        list(policy, "spec.egress").stream()
            .flatMap(rule -> list(rule, "ports").stream())
            .map(p -> p.get("port"))
            .toList();
    boolean hasDatabase =
        !Manifests.ofKind(Charts.manifests(service, env), "ExternalSecret").isEmpty();

    assertThat(at(policy, "spec.policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
    assertThat(egressPorts).contains(53, 443, 4317, 4318).doesNotContain(80);
    assertThat(egressPorts.contains(5432)).isEqualTo(hasDatabase);
    assertThat(egressPorts.contains(8081)).isEqualTo(service.equals("cart"));
  }

  /**
   * Every declared call, on both ends: URL, caller label, caller egress, callee Service and
   * ingress.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void everyCallIsWiredOnBothEnds(String caller, String env) {
    Map<String, Object> config = map(only(Charts.manifests(caller, env), "ConfigMap"), "data");
    Map<String, Object> podLabels =
        map(only(Charts.manifests(caller, env), "Deployment"), "spec.template.metadata.labels");

    for (Map.Entry<String, Object> entry : config.entrySet()) {
      if (!entry.getKey().matches("EMPORIUM_[A-Z]+_URL")) {
        continue;
      }
      URI url = URI.create(entry.getValue().toString());
      String callee = url.getHost().substring(0, url.getHost().indexOf('.'));
      List<Map<String, Object>> calleeManifests = Charts.manifests(callee, env);

      assertThat(url.getHost()).isEqualTo(callee + ".emporium.svc.cluster.local");
      assertThat(entry.getKey()).isEqualTo("EMPORIUM_" + callee.toUpperCase() + "_URL");
      assertThat(at(only(calleeManifests, "Service"), "spec.ports.0.port"))
          .isEqualTo(url.getPort());
      assertThat(podLabels).containsEntry("emporium.io/calls-" + callee, "true");
      assertThat(list(policy(caller, env), "spec.egress"))
          .contains(
              Map.of(
                  "to",
                  List.of(
                      Map.of(
                          "podSelector",
                          Map.of("matchLabels", Map.of("app.kubernetes.io/name", callee)))),
                  "ports",
                  List.of(Map.of("port", url.getPort(), "protocol", "TCP"))));
    }
  }

  @Test
  void theCartCallsTheCatalogInTheCluster() {
    for (String env : Charts.ENVS) {
      assertThat(map(only(Charts.manifests("cart", env), "ConfigMap"), "data"))
          .containsEntry("EMPORIUM_CATALOG_URL", "http://catalog.emporium.svc.cluster.local:8081");
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void ingressIsHttpsOnlyAndAdmitsCloudFrontOnly(String service, String env) {
    Map<String, Object> annotations =
        map(only(Charts.manifests(service, env), "Ingress"), "metadata.annotations");

    assertThat(annotations)
        .containsEntry("alb.ingress.kubernetes.io/listen-ports", "[{\"HTTPS\": 443}]")
        .containsEntry("alb.ingress.kubernetes.io/manage-backend-security-group-rules", "true")
        .doesNotContainKey("alb.ingress.kubernetes.io/ssl-redirect");
    assertThat((String) annotations.get("alb.ingress.kubernetes.io/certificate-arn"))
        .startsWith("arn:aws:acm:");
    assertThat((String) annotations.get("alb.ingress.kubernetes.io/security-groups"))
        .startsWith("sg-");
    assertThat((String) annotations.get("alb.ingress.kubernetes.io/wafv2-acl-arn"))
        .startsWith("arn:aws:wafv2:")
        .contains(":regional/webacl/emporium-" + env + "-alb/");
    assertThat((String) annotations.get("alb.ingress.kubernetes.io/ssl-policy")).contains("TLS13");
    assertThat(string(only(Charts.manifests(service, env), "Ingress"), "spec.rules.0.host"))
        .startsWith("api-origin.");
  }

  @ParameterizedTest(name = "{0} empty")
  @CsvSource({
    "ingress.certificateArn, ingress.certificateArn is required",
    "ingress.securityGroupId, ingress.securityGroupId is required",
    "ingress.wafAclArn, ingress.wafAclArn is required",
  })
  void refusesAnIngressWithoutItsFrontDoor(String key, String message) {
    assertThatThrownBy(() -> Charts.render("order", "dev", Map.of(key, "")))
        .hasMessageContaining(message);
  }

  @Test
  void refusesAnIngressWhoseAlbSubnetsAreUnknown() {
    assertThatThrownBy(
            () ->
                Charts.renderWithValues(
                    "order", "dev", Map.of("networkPolicy", Map.of("albSourceCidrs", List.of()))))
        .hasMessageContaining("networkPolicy.albSourceCidrs is required");
  }
}
