package io.emporium.helm;

import static io.emporium.helm.Manifests.at;
import static io.emporium.helm.Manifests.list;
import static io.emporium.helm.Manifests.map;
import static io.emporium.helm.Manifests.only;
import static io.emporium.helm.Manifests.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every rendered service must be: locked down, probed, bounded, traced, configured for its
 * environment (identity included) and reachable. Traffic rules: {@link TrafficTests}.
 */
class SecureDefaultsTests {

  private static final Map<String, Integer> PORTS =
      Map.of("catalog", 8081, "cart", 8082, "order", 8083, "payment", 8084, "notification", 8085);

  static Stream<Arguments> chartsAndEnvs() {
    return ChartRenderingTests.chartsAndEnvs();
  }

  private static Map<String, Object> pod(String service, String env) {
    return map(only(Charts.manifests(service, env), "Deployment"), "spec.template.spec");
  }

  private static Map<String, Object> container(String service, String env) {
    List<Map<String, Object>> containers = list(pod(service, env), "containers");
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void podRunsAsNonRootWithTheRuntimeDefaultSeccompProfile(String service, String env) {
    Map<String, Object> pod = pod(service, env);

    assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
    assertThat(at(pod, "securityContext.runAsUser")).isEqualTo(65532);
    assertThat(at(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void containerIsReadOnlyWithoutCapabilitiesOrEscalation(String service, String env) {
    Map<String, Object> container = container(service, env);

    assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
    assertThat(at(container, "securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
    assertThat(at(container, "securityContext.capabilities.add")).isNull();
    assertThat(list(container, "volumeMounts"))
        .anySatisfy(
            m -> assertThat(m).containsEntry("mountPath", "/tmp").containsEntry("name", "tmp"));
    assertThat(list(pod(service, env), "volumes"))
        .anySatisfy(v -> assertThat(v).containsEntry("name", "tmp").containsKey("emptyDir"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void containerHasRequestsAndLimits(String service, String env) {
    Map<String, Object> resources = map(container(service, env), "resources");

    assertThat(map(resources, "requests")).containsKeys("cpu", "memory");
    assertThat(map(resources, "limits")).containsKeys("cpu", "memory");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void probesUseTheActuatorHealthGroups(String service, String env) {
    Map<String, Object> container = container(service, env);

    assertThat(string(container, "startupProbe.httpGet.path"))
        .isEqualTo("/actuator/health/liveness");
    assertThat(string(container, "livenessProbe.httpGet.path"))
        .isEqualTo("/actuator/health/liveness");
    assertThat(string(container, "readinessProbe.httpGet.path"))
        .isEqualTo("/actuator/health/readiness");
    assertThat(string(container, "readinessProbe.httpGet.port")).isEqualTo("http");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void listensOnTheServicesPortEverywhere(String service, String env) {
    List<Map<String, Object>> manifests = Charts.manifests(service, env);
    int port = PORTS.get(service);

    assertThat(at(container(service, env), "ports.0.containerPort")).isEqualTo(port);
    assertThat(at(only(manifests, "Service"), "spec.ports.0.port")).isEqualTo(port);
    assertThat(at(only(manifests, "ConfigMap"), "data.SERVER_PORT"))
        .isEqualTo(String.valueOf(port));
    assertThat(string(only(manifests, "ServiceMonitor"), "spec.endpoints.0.path"))
        .isEqualTo("/actuator/prometheus");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void serviceAccountCarriesTheIrsaRoleTerraformCreates(String service, String env) {
    Map<String, Object> account = only(Charts.manifests(service, env), "ServiceAccount");

    assertThat(string(account, "metadata.name")).isEqualTo(service);
    assertThat(map(account, "metadata.annotations"))
        .containsEntry(
            "eks.amazonaws.com/role-arn",
            "arn:aws:iam::111111111111:role/emporium-" + env + "-" + service);
    assertThat(string(pod(service, env), "serviceAccountName")).isEqualTo(service);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void attachesTheOpenTelemetryAgentAndPropagatesThroughMessaging(String service, String env) {
    Map<String, String> envVars =
        list(container(service, env), "env").stream()
            .filter(e -> e.containsKey("value"))
            .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e.get("value").toString()));

    assertThat(envVars)
        .containsEntry("JAVA_TOOL_OPTIONS", "-javaagent:/otel/opentelemetry-javaagent.jar")
        .containsEntry("OTEL_SERVICE_NAME", service)
        .containsEntry(
            "OTEL_INSTRUMENTATION_AWS_SDK_EXPERIMENTAL_USE_PROPAGATOR_FOR_MESSAGING", "true")
        .containsKey("OTEL_EXPORTER_OTLP_ENDPOINT");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void logsInToItsDatabaseWithIamTokensNotAPassword(String service, String env) {
    List<Map<String, Object>> envVars = list(container(service, env), "env");
    List<Object> names = envVars.stream().map(e -> e.get("name")).toList();
    boolean hasDatabase =
        !Manifests.ofKind(Charts.manifests(service, env), "ExternalSecret").isEmpty();

    if (hasDatabase) {
      assertThat(envVars).contains(Map.of("name", "EMPORIUM_DATABASE_IAM_AUTH", "value", "true"));
      assertThat(names).contains("SPRING_R2DBC_USERNAME", "SPRING_FLYWAY_USER");
    } else {
      assertThat(names).doesNotContain("EMPORIUM_DATABASE_IAM_AUTH");
    }
    assertThat(names).doesNotContain("SPRING_R2DBC_PASSWORD", "SPRING_FLYWAY_PASSWORD");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void configuresTheAppForItsEnvironment(String service, String env) {
    Map<String, Object> data = map(only(Charts.manifests(service, env), "ConfigMap"), "data");

    assertThat(data)
        .containsEntry("EMPORIUM_ENV", env)
        .containsEntry("SPRING_PROFILES_ACTIVE", env)
        .containsEntry("AWS_REGION", "eu-west-1")
        .containsEntry("EMPORIUM_IDENTITY_REGION", "eu-west-1")
        .containsEntry(
            "EMPORIUM_IDENTITY_USER_POOL_ID",
            "eu-west-1_Emporium" + Character.toUpperCase(env.charAt(0)) + env.substring(1))
        .containsKey("EMPORIUM_IDENTITY_CLIENT_ID")
        .doesNotContainKey("EMPORIUM_IDENTITY_COGNITO_ENDPOINT");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void spreadsAcrossZones(String service, String env) {
    List<Map<String, Object>> spread = list(pod(service, env), "topologySpreadConstraints");

    assertThat(spread)
        .anySatisfy(c -> assertThat(c).containsEntry("topologyKey", "topology.kubernetes.io/zone"));
    assertThat(string(spread.get(0), "whenUnsatisfiable"))
        .isEqualTo(env.equals("prod") ? "DoNotSchedule" : "ScheduleAnyway");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void routesItsApiPathThroughTheEnvironmentsSharedAlb(String service, String env) {
    Map<String, Object> ingress = only(Charts.manifests(service, env), "Ingress");

    assertThat(string(ingress, "spec.ingressClassName")).isEqualTo("alb");
    assertThat(map(ingress, "metadata.annotations"))
        .containsEntry("alb.ingress.kubernetes.io/group.name", "emporium-" + env)
        .containsEntry("alb.ingress.kubernetes.io/target-type", "ip");
    assertThat(string(ingress, "spec.rules.0.http.paths.0.path")).isEqualTo("/api/" + service);
  }
}
