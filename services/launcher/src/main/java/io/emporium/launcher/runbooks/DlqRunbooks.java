package io.emporium.launcher.runbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One runbook per DLQ of topology.yaml ({@code docs/runbooks/dlq/<consumer>-from-<producer>.md})
 * and their index, from the topology, the events' schemas (what an event means) and {@code
 * runbooks/consumer-effects.yaml} (what each consumer does with it). The CloudWatch alarm of each
 * DLQ links to its runbook. {@code DlqRunbooksTests} checks that the committed files are these.
 */
public final class DlqRunbooks {

  public static final String FOLDER = "docs/runbooks/dlq";
  static final String ENV = "<env>";
  static final String REGENERATE =
      "./mvnw -pl services/launcher test -Dtest=DlqRunbooksTests -Demporium.runbooks.regenerate=true";

  private final Topology topology;
  private final JsonNode effects;

  DlqRunbooks(Topology topology, JsonNode effects) {
    this.topology = topology;
    this.effects = effects;
  }

  public static DlqRunbooks load() {
    try (InputStream in =
        DlqRunbooks.class.getClassLoader().getResourceAsStream("runbooks/consumer-effects.yaml")) {
      return new DlqRunbooks(Topology.load(), new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file name (under {@link #FOLDER}) of the runbook of {@code edge}'s DLQ. */
  public static String fileOf(Subscription edge) {
    return edge.consumer() + "-from-" + edge.producer() + ".md";
  }

  /** Every runbook and the index, by file name under {@link #FOLDER}. */
  public Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("README.md", index());
    for (Subscription edge : topology.subscriptions(ENV)) {
      files.put(fileOf(edge), new DlqRunbook(edge, effects).markdown());
    }
    return files;
  }

  /** The (consumer, type) pairs of the topology that consumer-effects.yaml does not describe. */
  public List<String> undescribed() {
    List<String> missing = new ArrayList<>();
    for (Subscription edge : topology.subscriptions(ENV)) {
      for (String type : edge.types()) {
        if (effect(edge.consumer(), type).isMissingNode()) {
          missing.add(edge.consumer() + " " + type);
        }
      }
    }
    return missing;
  }

  private String index() {
    StringBuilder md = new StringBuilder(header("Runbooks: one per dead-letter queue"));
    md.append(
        "Each DLQ of `events-schema/topology.yaml` has a runbook here; its CloudWatch alarm"
            + " (`<dlq>-not-empty`, terraform/modules/messaging) links to it. What every DLQ has in"
            + " common: [dlq-not-empty](../dlq-not-empty.md); a message that can never succeed:"
            + " [poison-message](../poison-message.md).\n\n");
    md.append("| DLQ | consumer | producer | events |\n|---|---|---|---|\n");
    for (Subscription edge : topology.subscriptions(ENV)) {
      md.append(
          "| [`%s`](%s) | %s | %s | %s |\n"
              .formatted(
                  edge.dlq(),
                  fileOf(edge),
                  edge.consumer(),
                  edge.producer(),
                  String.join(", ", edge.types())));
    }
    return md.toString();
  }

  private JsonNode effect(String consumer, String type) {
    return effects.path(consumer).path("events").path(type);
  }

  static String header(String title) {
    return "# "
        + title
        + "\n\n<!-- Generated from events-schema/topology.yaml, the event schemas and"
        + " services/launcher/src/main/resources/runbooks/consumer-effects.yaml: do not edit;"
        + " regenerate with `"
        + REGENERATE
        + "`. -->\n\n";
  }
}
