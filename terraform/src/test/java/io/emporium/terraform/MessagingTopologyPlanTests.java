package io.emporium.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messaging module plans exactly the topics, queues, DLQs and subscriptions of the topology
 * file it is given: planned offline (no endpoint, no API call) and compared with {@link Topology}.
 * A topology gaining an edge the module would not create fails here.
 */
class MessagingTopologyPlanTests {

  private static final String ENV = "plan";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path FIXTURE = Terraform.MODULE_DIR.resolve("src/test/terraform/messaging");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RUNBOOK = Pattern.compile("Runbook: (docs/runbooks/\\S+\\.md)");
  private static final Map<Path, String> SHOWN = new ConcurrentHashMap<>();
  private static Terraform terraform;

  @BeforeAll
  static void init() {
    terraform = Terraform.in(FIXTURE, "plan-messaging");
    terraform.ok(
        "init",
        "-input=false",
        "-no-color",
        "-backend-config=path=" + Terraform.TARGET.resolve("plan-messaging.tfstate"));
  }

  @Test
  void plansExactlyTheTopologyOfTheRepository() {
    MessagingPlan planned = plan(Roots.TOPOLOGY);

    MessagingPlan expected = MessagingPlan.expected(Topology.load(Roots.TOPOLOGY), ENV);
    assertThat(planned.topics()).containsExactlyInAnyOrderElementsOf(expected.topics());
    assertThat(planned.edges()).containsExactlyInAnyOrderElementsOf(expected.edges());
    assertThat(planned.queues()).containsExactlyInAnyOrderElementsOf(expected.queues());
  }

  @Test
  void tracksAnEdgeAddedToTheTopology() throws Exception {
    Path modified =
        withConsumer(
            "audit", Map.of("order", List.of("order.OrderPlaced.v1", "order.OrderCancelled.v1")));

    MessagingPlan planned = plan(modified);

    MessagingPlan expected = MessagingPlan.expected(Topology.load(modified), ENV);
    assertThat(planned.edges())
        .containsExactlyInAnyOrderElementsOf(expected.edges())
        .contains(
            new MessagingPlan.Edge(
                "emporium-plan-order-events",
                "emporium-plan-audit-from-order",
                "emporium-plan-audit-from-order-dlq",
                "{\"type\":[\"order.OrderPlaced.v1\",\"order.OrderCancelled.v1\"]}"));
    assertThat(planned.queues()).containsExactlyInAnyOrderElementsOf(expected.queues());
    assertThat(planned.edges())
        .hasSize(Topology.load(Roots.TOPOLOGY).subscriptions(ENV).size() + 1);
  }

  @Test
  void refusesAnEdgeFromAnUnknownProducer() throws Exception {
    Path broken = withConsumer("audit", Map.of("ghost", List.of("ghost.Haunted.v1")));

    Terraform.Result plan =
        terraform.run(planArgs(broken, Terraform.TARGET.resolve("broken.tfplan")));

    assertThat(plan.exitCode()).isNotZero();
    assertThat(plan.output().replaceAll("\\s+", " "))
        .contains("consumer 'audit' consumes from 'ghost', which is not a producer");
  }

  @Test
  void everyAlarmLinksToARunbookThatExistsAndEachDlqToItsOwn() throws Exception {
    JsonNode plan = JSON.readTree(show(Roots.TOPOLOGY));
    Map<String, String> descriptions = new HashMap<>(); // alarm name -> description
    for (JsonNode change : plan.path("resource_changes")) {
      if (change.path("type").asText().equals("aws_cloudwatch_metric_alarm")) {
        JsonNode after = change.path("change").path("after");
        descriptions.put(
            after.path("alarm_name").asText(), after.path("alarm_description").asText());
      }
    }

    for (Subscription s : Topology.load(Roots.TOPOLOGY).subscriptions(ENV)) {
      String edge = s.consumer() + "-from-" + s.producer();
      assertThat(descriptions.get(s.dlq() + "-not-empty"))
          .as(s.dlq())
          .endsWith("Runbook: docs/runbooks/dlq/" + edge + ".md");
    }
    assertThat(descriptions).isNotEmpty();
    descriptions.forEach(
        (alarm, description) -> {
          Matcher link = RUNBOOK.matcher(description);
          assertThat(link.find()).as(alarm + ": " + description).isTrue();
          assertThat(Terraform.MODULE_DIR.resolve("..").resolve(link.group(1)))
              .as(alarm)
              .isRegularFile();
        });
  }

  @Test
  void everyProducersOutboxHasALagAndADeadLetterAlarmOnMetricsTheCollectorExports()
      throws Exception {
    Map<String, JsonNode> alarms = new HashMap<>(); // alarm name -> planned attributes
    for (JsonNode change : JSON.readTree(show(Roots.TOPOLOGY)).path("resource_changes")) {
      if (change.path("type").asText().equals("aws_cloudwatch_metric_alarm")) {
        JsonNode after = change.path("change").path("after");
        alarms.put(after.path("alarm_name").asText(), after);
      }
    }
    Collector collector = Collector.load();

    for (String producer : Topology.load(Roots.TOPOLOGY).producers().keySet()) {
      for (String kind : List.of("outbox-lag", "outbox-dead-letters")) {
        JsonNode alarm = alarms.get("emporium-" + ENV + "-" + producer + "-" + kind);
        assertThat(alarm).as(producer + " " + kind).isNotNull();
        assertThat(alarm.path("alarm_description").asText())
            .contains("Runbook: docs/runbooks/outbox-lag.md");
        assertThat(alarm.path("namespace").asText()).isEqualTo(collector.namespace());
        assertThat(JSON.convertValue(alarm.path("dimensions"), Map.class))
            .isEqualTo(Map.of("environment", ENV, "service", producer));
        String metric = alarm.path("metric_name").asText();
        assertThat(collector.exports(metric, List.of("environment", "service")))
            .as("the collector publishes %s with dimensions environment, service", metric)
            .isTrue();
      }
    }
  }

  /**
   * What the OpenTelemetry collector of argocd/apps/values.yaml publishes to CloudWatch: the
   * Prometheus metrics its scrape keeps, as EMF with the declared dimension sets.
   */
  record Collector(String keep, JsonNode emf) {

    static Collector load() throws Exception {
      Path values = Terraform.MODULE_DIR.resolve("../argocd/apps/values.yaml").normalize();
      String chartValues =
          YAML.readTree(values.toFile())
              .at("/addons/opentelemetry-collector/values")
              .asText()
              .replaceAll("\\{\\{[^}]*}}", "x");
      JsonNode config = YAML.readTree(chartValues).path("config");
      String keep = null;
      for (JsonNode rule :
          config.at("/receivers/prometheus/config/scrape_configs/0/metric_relabel_configs")) {
        if (rule.path("action").asText().equals("keep")) {
          keep = rule.path("regex").asText();
        }
      }
      return new Collector(keep, config.at("/exporters/awsemf"));
    }

    String namespace() {
      return emf.path("namespace").asText();
    }

    boolean exports(String metric, List<String> dimensions) {
      if (keep == null || !metric.matches(keep)) {
        return false;
      }
      for (JsonNode declaration : emf.path("metric_declarations")) {
        boolean selected = false;
        for (JsonNode selector : declaration.path("metric_name_selectors")) {
          selected |= Pattern.compile(selector.asText()).matcher(metric).find();
        }
        for (JsonNode set : declaration.path("dimensions")) {
          if (selected && YAML.convertValue(set, List.class).equals(dimensions)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private static MessagingPlan plan(Path topology) {
    return MessagingPlan.planned(show(topology));
  }

  /** {@code terraform show -json} of the plan for this topology (planned once per file). */
  private static String show(Path topology) {
    return SHOWN.computeIfAbsent(
        topology,
        t -> {
          Path planFile = Terraform.TARGET.resolve(t.getFileName() + ".tfplan");
          terraform.ok(planArgs(t, planFile));
          return terraform.ok("show", "-json", "-no-color", planFile.toString());
        });
  }

  private static String[] planArgs(Path topology, Path planFile) {
    return new String[] {
      "plan",
      "-input=false",
      "-no-color",
      "-refresh=false",
      "-parallelism=20",
      "-out=" + planFile,
      "-var",
      "environment=" + ENV,
      "-var",
      "topology_file=" + topology.toAbsolutePath()
    };
  }

  @SuppressWarnings("unchecked")
  private static Path withConsumer(String consumer, Map<String, List<String>> edges)
      throws Exception {
    Map<String, Object> topology = YAML.readValue(Roots.TOPOLOGY.toFile(), Map.class);
    ((Map<String, Object>) topology.get("consumers")).put(consumer, edges);
    Path file =
        Terraform.TARGET.resolve(
            "topology-" + consumer + "-" + String.join("-", edges.keySet()) + ".yaml");
    Files.createDirectories(file.getParent());
    YAML.writeValue(file.toFile(), topology);
    return file;
  }
}
