package io.emporium.helm;

import static io.emporium.helm.Manifests.at;
import static io.emporium.helm.Manifests.list;
import static io.emporium.helm.Manifests.map;
import static io.emporium.helm.Manifests.ofKind;
import static io.emporium.helm.Manifests.only;
import static io.emporium.helm.Manifests.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The app of apps of each cluster: what it generates, in which order, under which limits. */
class ArgoCdTests {

  private static final Path ARGOCD = Charts.repoRoot().resolve("argocd");
  private static final YAMLMapper YAML = new YAMLMapper();

  static List<String> envs() {
    return Charts.ENVS;
  }

  private static List<Map<String, Object>> apps(String env) {
    return Charts.parse(Charts.renderArgoCdApps(env));
  }

  private static Map<String, Object> root(String env) {
    return Charts.read(ARGOCD.resolve("bootstrap").resolve(env).resolve("root.yaml"));
  }

  private static int wave(Map<String, Object> manifest) {
    Map<String, Object> annotations = map(manifest, "metadata.annotations");
    return Integer.parseInt(
        annotations == null
            ? "0"
            : annotations.getOrDefault("argocd.argoproj.io/sync-wave", "0").toString());
  }

  private static Map<String, Object> named(
      List<Map<String, Object>> manifests, String kind, String name) {
    return ofKind(manifests, kind).stream()
        .filter(m -> name.equals(string(m, "metadata.name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  @ParameterizedTest
  @MethodSource("envs")
  void eachClustersRootRendersTheAppOfAppsWithItsEnvironment(String env) {
    Map<String, Object> root = root(env);

    assertThat(string(root, "spec.source.path")).isEqualTo("argocd/apps");
    assertThat(at(root, "spec.source.helm.valueFiles"))
        .isEqualTo(List.of("values-" + env + ".yaml"));
    assertThat(list(root, "spec.source.helm.parameters"))
        .extracting(p -> p.get("value"))
        .containsExactly("$ARGOCD_APP_SOURCE_REPO_URL", "$ARGOCD_APP_SOURCE_TARGET_REVISION");
  }

  @Test
  void theRepositoryIsNamedOnlyByTheRoots() throws IOException {
    String url = string(root("dev"), "spec.source.repoURL");
    List<Path> naming;
    try (Stream<Path> files = Files.walk(Charts.repoRoot().resolve("argocd"))) {
      naming = files.filter(Files::isRegularFile).filter(f -> contains(f, url)).toList();
    }

    assertThat(string(root("prod"), "spec.source.repoURL")).isEqualTo(url);
    assertThat(naming)
        .containsExactlyInAnyOrder(
            ARGOCD.resolve("bootstrap/dev/root.yaml"), ARGOCD.resolve("bootstrap/prod/root.yaml"));
  }

  @ParameterizedTest
  @MethodSource("envs")
  void applicationSetGeneratesAnApplicationPerServiceChartFromItsEnvironmentsValues(String env)
      throws IOException {
    Map<String, Object> set = only(apps(env), "ApplicationSet");
    List<Map<String, Object>> matrix = list(set, "spec.generators.0.matrix.generators");
    List<Map<String, Object>> directories = list(matrix.get(0), "git.directories");

    assertThat(generatedChartFolders(directories)).containsExactlyElementsOf(Charts.services());
    assertThat(list(matrix.get(1), "list.elements"))
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("env", env));
    assertThat(string(set, "spec.template.metadata.name"))
        .isEqualTo("{{ .path.basename }}-{{ .env }}");
    assertThat(at(set, "spec.template.spec.source.helm.valueFiles"))
        .isEqualTo(List.of("../environments/{{ .env }}.yaml", "values-{{ .env }}.yaml"));
    for (String service : Charts.services()) {
      assertThat(Charts.valuesFiles(service, env)).allSatisfy(f -> assertThat(f).isRegularFile());
    }
  }

  @ParameterizedTest
  @MethodSource("envs")
  void devSyncsItselfWithPruneAndSelfHealWhileProdWaitsForAPerson(String env) {
    Map<String, Object> set = only(apps(env), "ApplicationSet");
    Map<String, Object> element =
        list(set, "spec.generators.0.matrix.generators.1.list.elements").get(0);

    assertThat(element).containsEntry("autoSync", env.equals("dev") ? "true" : "false");
    assertThat(at(set, "spec.template.spec.syncPolicy.automated"))
        .as("only the patch automates")
        .isNull();
    assertThat(string(set, "spec.templatePatch"))
        .contains("{{- if eq .autoSync \"true\" }}", "prune: true", "selfHeal: true");
  }

  @ParameterizedTest
  @MethodSource("envs")
  void onlyDevSubscribesItsServicesToTheSmokeTestDispatch(String env) {
    List<Map<String, Object>> apps = apps(env);
    Map<String, Object> annotations =
        map(only(apps, "ApplicationSet"), "spec.template.metadata.annotations");
    List<Map<String, Object>> configMaps = ofKind(apps, "ConfigMap");

    if (env.equals("dev")) {
      assertThat(annotations).containsExactly(Map.entry(SUBSCRIPTION, ""));
      Map<String, Object> cm = only(apps, "ConfigMap");
      assertThat(string(cm, "metadata.name")).isEqualTo("argocd-notifications-cm");
      assertThat(string(cm, "metadata.namespace")).isEqualTo("argocd");
      // The annotation names a trigger and a service this ConfigMap defines.
      assertThat(map(cm, "data"))
          .containsKeys("trigger.on-deployed", "service.webhook.github-dispatch");
    } else {
      assertThat(annotations).isNull();
      assertThat(configMaps).isEmpty();
    }
  }

  @Test
  void theTriggerFiresOnlyForASucceededSyncOfAHealthyApplicationOncePerRevision()
      throws IOException {
    List<Map<String, Object>> triggers = notification("trigger.on-deployed");

    assertThat(triggers).singleElement();
    Map<String, Object> trigger = triggers.getFirst();
    assertThat(trigger.get("when").toString())
        .contains(
            "app.status.operationState.phase in ['Succeeded']",
            "and app.status.health.status == 'Healthy'")
        .doesNotContain(" or ");
    assertThat(trigger.get("oncePer")).isEqualTo("app.status.operationState?.syncResult?.revision");
    assertThat(trigger.get("send")).isEqualTo(List.of("smoke-dev-dispatch"));
  }

  @Test
  void theDispatchIsTheRepositoryDispatchSmokeDevListensFor() throws IOException {
    Map<String, Object> webhook =
        yaml(notificationsData().get("template.smoke-dev-dispatch").toString());
    Map<String, Object> request = map(webhook, "webhook.github-dispatch");
    Map<String, Object> service =
        yaml(notificationsData().get("service.webhook.github-dispatch").toString());
    Map<String, Object> smokeDev =
        Charts.read(Charts.repoRoot().resolve(".github/workflows/smoke-dev.yml"));
    // What GitHub receives once Argo CD filled in the {{ }} (here: nothing).
    Map<String, Object> body = yaml(request.get("body").toString().replaceAll("\\{\\{.*?}}", ""));

    assertThat(string(service, "url")).isEqualTo("https://api.github.com");
    assertThat(list(service, "headers"))
        .contains(Map.of("name", "Authorization", "value", "Bearer $github-token"));
    assertThat(request)
        .containsEntry("method", "POST")
        .containsEntry(
            "path", "/repos/{{call .repo.FullNameByRepoURL .app.spec.source.repoURL}}/dispatches");
    assertThat(at(smokeDev, "on.repository_dispatch.types"))
        .isEqualTo(List.of(body.get("event_type")));
    assertThat(map(body, "client_payload")).containsOnlyKeys("app", "revision", "images");
    assertThat(request.get("body").toString())
        .contains("\"revision\": \"{{.app.status.operationState.syncResult.revision}}\"")
        .contains("\"app\": \"{{.app.metadata.name}}\"");
  }

  private static final String SUBSCRIPTION =
      "notifications.argoproj.io/subscribe.on-deployed.github-dispatch";

  private static Map<String, Object> notificationsData() {
    return map(named(apps("dev"), "ConfigMap", "argocd-notifications-cm"), "data");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) throws IOException {
    return YAML.readValue(text, Map.class);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> notification(String key) throws IOException {
    return (List<Map<String, Object>>)
        YAML.readValue(notificationsData().get(key).toString(), List.class);
  }

  @ParameterizedTest
  @MethodSource("envs")
  void syncWavesPutProjectsThenAddOnsThenNamespacesAndSecretStoresBeforeServices(String env)
      throws IOException {
    List<Map<String, Object>> apps = apps(env);
    int projects =
        ofKind(apps, "AppProject").stream().mapToInt(ArgoCdTests::wave).max().orElseThrow();
    List<Map<String, Object>> addOns =
        ofKind(apps, "Application").stream()
            .filter(a -> string(a, "spec.source.chart") != null)
            .toList();
    int platformConfig = wave(named(apps, "Application", "platform-config"));
    int services = wave(only(apps, "ApplicationSet"));

    assertThat(addOns)
        .allSatisfy(a -> assertThat(wave(a)).isGreaterThan(projects).isLessThan(platformConfig));
    assertThat(platformConfig).isLessThan(services);
    assertThat(string(named(apps, "Application", "platform-config"), "spec.source.path"))
        .isEqualTo("argocd/platform");
    List<Map<String, Object>> platform =
        Charts.parse(Files.readString(ARGOCD.resolve("platform/namespaces.yaml")));
    assertThat(only(platform, "Namespace"))
        .satisfies(ns -> assertThat(string(ns, "metadata.name")).isEqualTo("emporium"));
    assertThat(Files.readString(ARGOCD.resolve("platform/cluster-secret-store.yaml")))
        .contains("kind: ClusterSecretStore");
  }

  @ParameterizedTest
  @MethodSource("envs")
  void platformAddOnsArePinnedToExactChartVersions(String env) {
    List<Map<String, Object>> addOns =
        ofKind(apps(env), "Application").stream()
            .filter(a -> string(a, "spec.source.chart") != null)
            .toList();

    assertThat(addOns)
        .extracting(a -> string(a, "spec.source.chart"))
        .containsExactlyInAnyOrder(
            "keda",
            "external-secrets",
            "aws-load-balancer-controller",
            "opentelemetry-collector",
            "kube-prometheus-stack");
    assertThat(addOns)
        .allSatisfy(
            a -> assertThat(string(a, "spec.source.targetRevision")).matches("\\d+\\.\\d+\\.\\d+"))
        .allSatisfy(a -> assertThat(string(a, "spec.project")).isEqualTo("platform"));
    assertThat(
            string(
                named(apps(env), "Application", "keda"),
                "spec.source.helm.valuesObject.podIdentity.aws.irsa.roleArn"))
        .isEqualTo("arn:aws:iam::111111111111:role/emporium-" + env + "-keda");
  }

  @ParameterizedTest
  @MethodSource("envs")
  void servicesProjectAllowsOnlyTheRepositoryTheNamespaceAndTheKindsTheChartsRender(String env) {
    List<Map<String, Object>> apps = apps(env);
    Map<String, Object> project = named(apps, "AppProject", "emporium");
    Set<String> allowed = new HashSet<>();
    list(project, "spec.namespaceResourceWhitelist")
        .forEach(k -> allowed.add(k.get("group") + "/" + k.get("kind")));
    Set<String> rendered = new HashSet<>();
    for (String service : Charts.services()) {
      Charts.manifests(service, env).forEach(m -> rendered.add(groupOf(m) + "/" + m.get("kind")));
    }

    assertThat(at(project, "spec.sourceRepos"))
        .isEqualTo(List.of(string(root(env), "spec.source.repoURL")));
    assertThat(list(project, "spec.clusterResourceWhitelist"))
        .containsExactly(Map.of("group", "", "kind", "Namespace"));
    assertThat(list(project, "spec.destinations"))
        .extracting(d -> d.get("namespace"))
        .containsExactly("emporium");
    assertThat(allowed).containsAll(rendered);
    assertThat(string(only(apps, "ApplicationSet"), "spec.template.spec.project"))
        .isEqualTo("emporium");
  }

  private static String groupOf(Map<String, Object> manifest) {
    String apiVersion = (String) manifest.get("apiVersion");
    return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.lastIndexOf('/')) : "";
  }

  /**
   * What the git directory generator yields: folders of helm/ in Git (not target/) minus the
   * excluded.
   */
  private static List<String> generatedChartFolders(List<Map<String, Object>> directories)
      throws IOException {
    Set<String> excluded = new HashSet<>();
    directories.stream()
        .filter(d -> Boolean.TRUE.equals(d.get("exclude")))
        .forEach(d -> excluded.add(d.get("path").toString()));
    assertThat(directories.get(0)).containsEntry("path", "helm/*");
    try (Stream<Path> dirs = Files.list(Charts.helmDir())) {
      return dirs.filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .filter(name -> !name.equals("target"))
          .filter(name -> !excluded.contains("helm/" + name))
          .sorted()
          .toList();
    }
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
