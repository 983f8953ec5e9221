package io.emporium.helm;

import static io.emporium.helm.Manifests.list;
import static io.emporium.helm.Manifests.map;
import static io.emporium.helm.Manifests.only;
import static io.emporium.helm.Manifests.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a service's container gets from its rendered chart, as Kubernetes builds it:
 * {@code envFrom} ConfigMaps first, then {@code env} (later wins). Plain values and ConfigMap keys
 * are resolved from the same render; a {@code secretKeyRef} stays a reference (the secret lives in
 * Secrets Manager, written by Terraform): {@link #secretRefs()}.
 *
 * @param values every variable with a value known from the chart
 * @param secretRefs every variable read from a Secret: name to {@code <secret>/<key>}
 */
record ContainerEnvironment(Map<String, String> values, Map<String, String> secretRefs) {

  /** The environment of the (only) container of the service's Deployment. */
  static ContainerEnvironment of(String service, String env) {
    List<Map<String, Object>> manifests = Charts.manifests(service, env);
    Map<String, Object> container =
        list(only(manifests, "Deployment"), "spec.template.spec.containers").get(0);
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> secretRefs = new LinkedHashMap<>();
    for (Map<String, Object> source : list(container, "envFrom")) {
      String configMap = string(source, "configMapRef.name");
      if (configMap == null) {
        throw new AssertionError("unexpected envFrom " + source + ": only ConfigMaps are resolved");
      }
      configMapData(manifests, configMap).forEach((k, v) -> values.put(k, String.valueOf(v)));
    }
    for (Map<String, Object> variable : list(container, "env")) {
      String name = (String) variable.get("name");
      values.remove(name);
      secretRefs.remove(name);
      if (variable.containsKey("value")) {
        values.put(name, String.valueOf(variable.get("value")));
      } else if (string(variable, "valueFrom.secretKeyRef.name") != null) {
        secretRefs.put(
            name,
            string(variable, "valueFrom.secretKeyRef.name")
                + "/"
                + string(variable, "valueFrom.secretKeyRef.key"));
      } else if (string(variable, "valueFrom.configMapKeyRef.name") != null) {
        Map<String, Object> data =
            configMapData(manifests, string(variable, "valueFrom.configMapKeyRef.name"));
        values.put(
            name, String.valueOf(data.get(string(variable, "valueFrom.configMapKeyRef.key"))));
      } else {
        throw new AssertionError("unexpected env source " + variable);
      }
    }
    return new ContainerEnvironment(values, secretRefs);
  }

  private static Map<String, Object> configMapData(
      List<Map<String, Object>> manifests, String name) {
    return Manifests.ofKind(manifests, "ConfigMap").stream()
        .filter(m -> name.equals(string(m, "metadata.name")))
        .map(m -> map(m, "data"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("ConfigMap " + name + " is not rendered"));
  }
}
