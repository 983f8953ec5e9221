package io.emporium.helm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The charts under helm/, rendered with real Helm (helm-java). Helm works on copies in
 * target/helm-work, so `helm dependency update` never writes into the source tree.
 */
final class Charts {

  static final String LIBRARY = "emporium-service";

  /** The SLO rules and dashboards: one per cluster, not a service (argocd observability.yaml). */
  static final String OBSERVABILITY = "observability";

  static final List<String> ENVS = List.of("dev", "prod");

  private static final Path HELM = Path.of("").toAbsolutePath();
  private static final Path WORK = HELM.resolve("target/helm-work");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();
  private static volatile boolean prepared;

  private Charts() {}

  static Path helmDir() {
    return HELM;
  }

  static Path repoRoot() {
    return HELM.getParent();
  }

  /**
   * The thin service charts: every folder of helm/ with a Chart.yaml, except the library and
   * observability.
   */
  static List<String> services() {
    try (Stream<Path> dirs = Files.list(HELM)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("Chart.yaml")))
          .map(d -> d.getFileName().toString())
          .filter(name -> !name.equals(LIBRARY) && !name.equals(OBSERVABILITY))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The values files Argo CD passes for an environment, in order (see argocd/apps/services.yaml).
   */
  static List<Path> valuesFiles(String service, String env) {
    return List.of(
        HELM.resolve("environments").resolve(env + ".yaml"),
        HELM.resolve(service).resolve("values-" + env + ".yaml"));
  }

  /** `helm template` of one chart with an environment's values; cached. */
  static String render(String service, String env) {
    return RENDERED.computeIfAbsent(service + "-" + env, key -> render(service, env, Map.of()));
  }

  /** `helm template` with extra `--set` values on top of the environment's files. */
  static String render(String service, String env, Map<String, Object> sets) {
    TemplateCommand template = template(service, env);
    sets.forEach(template::set);
    return template.call();
  }

  /** `helm template` with one more values file (the given values) after the environment's. */
  static String renderWithValues(String service, String env, Map<String, Object> values) {
    try {
      Path file =
          Files.createTempFile(Files.createDirectories(WORK.resolve("values")), service, ".yaml");
      YAML.writeValue(file.toFile(), values);
      return template(service, env).withValuesFile(file).call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TemplateCommand template(String service, String env) {
    TemplateCommand template =
        new Helm(chart(service))
            .template()
            .withName(service + "-" + env)
            .withNamespace(namespace(env));
    valuesFiles(service, env).forEach(template::withValuesFile);
    return template;
  }

  /** `helm template` of helm/observability as its Argo CD Application renders it. */
  static String renderObservability() {
    return RENDERED.computeIfAbsent(
        OBSERVABILITY,
        key ->
            new Helm(HELM.resolve(OBSERVABILITY))
                .template()
                .withName(OBSERVABILITY)
                .withNamespace("monitoring")
                .call());
  }

  static List<Map<String, Object>> manifests(String service, String env) {
    return parse(render(service, env));
  }

  /** One environment per cluster: the services' namespace is the same in each (argocd/apps). */
  static String namespace(String env) {
    return "emporium";
  }

  /**
   * The app-of-apps chart argocd/apps as a cluster's root Application renders it: its values file,
   * and the root's own repository URL and revision (Argo CD's build environment).
   */
  static String renderArgoCdApps(String env) {
    Map<String, Object> root =
        read(repoRoot().resolve("argocd/bootstrap").resolve(env).resolve("root.yaml"));
    Path chart = repoRoot().resolve("argocd/apps");
    return new Helm(chart)
        .template()
        .withName("emporium-root")
        .withNamespace("argocd")
        .withValuesFile(chart.resolve("values-" + env + ".yaml"))
        .set("repoURL", Manifests.string(root, "spec.source.repoURL"))
        .set("targetRevision", Manifests.string(root, "spec.source.targetRevision"))
        .call();
  }

  /**
   * `helm lint --strict` of a chart whose values.yaml is the given values merged over its own (what
   * `helm lint -f a.yaml -f b.yaml` does; helm-java's lint takes no values files).
   */
  static LintResult lint(String service, String label, List<Map<String, Object>> overlays) {
    Path copy = WORK.resolve("lint-" + label).resolve(service);
    copyTree(chart(service), copy);
    Map<String, Object> values = read(copy.resolve("values.yaml"));
    overlays.forEach(overlay -> deepMerge(values, overlay));
    try {
      YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Helm(copy).lint().strict().call();
  }

  static LintResult lint(String service, String env) {
    return lint(service, env, valuesFiles(service, env).stream().map(Charts::read).toList());
  }

  static Map<String, Object> read(Path yamlFile) {
    try {
      Map<String, Object> values =
          YAML.readValue(yamlFile.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
      return values == null ? new LinkedHashMap<>() : values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Map<String, Object>> parse(String manifests) {
    try {
      List<Map<String, Object>> docs = new ArrayList<>();
      try (MappingIterator<Map<String, Object>> it =
          YAML.readerFor(new TypeReference<Map<String, Object>>() {}).readValues(manifests)) {
        while (it.hasNext()) {
          Map<String, Object> doc = it.next();
          if (doc != null && !doc.isEmpty()) {
            docs.add(doc);
          }
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The working copy of a chart, its library dependency vendored by `helm dependency update`. */
  static synchronized Path chart(String service) {
    if (!prepared) {
      copyTree(HELM.resolve(LIBRARY), WORK.resolve("charts").resolve(LIBRARY));
      for (String each : services()) {
        Path copy = WORK.resolve("charts").resolve(each);
        copyTree(HELM.resolve(each), copy);
        new Helm(copy).dependency().update().call();
      }
      prepared = true;
    }
    return WORK.resolve("charts").resolve(service);
  }

  @SuppressWarnings("unchecked")
  private static void deepMerge(Map<String, Object> target, Map<String, Object> overlay) {
    overlay.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?> existing) {
            deepMerge((Map<String, Object>) existing, (Map<String, Object>) map);
          } else {
            target.put(key, value);
          }
        });
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
