package io.emporium.observability.grafana;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Grafana dashboard (JSON model, schema 39) of panels, with a Prometheus data source variable so
 * it works with whatever the cluster's Grafana calls its Prometheus.
 */
public record Dashboard(String uid, String title, List<String> tags, List<Panel> panels) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final String DATASOURCE = "${datasource}";

  public String json() {
    try {
      return JSON.writeValueAsString(model()) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  ObjectNode model() {
    ObjectNode root = JSON.createObjectNode();
    root.put("uid", uid);
    root.put("title", title);
    ArrayNode tagNodes = root.putArray("tags");
    tags.forEach(tagNodes::add);
    root.put("schemaVersion", 39);
    root.put("version", 1);
    root.put("editable", false);
    root.put("refresh", "30s");
    root.put("timezone", "utc");
    root.putObject("time").put("from", "now-6h").put("to", "now");
    ArrayNode variables = root.putObject("templating").putArray("list");
    ObjectNode datasource = variables.addObject();
    datasource.put("name", "datasource");
    datasource.put("label", "Prometheus");
    datasource.put("type", "datasource");
    datasource.put("query", "prometheus");
    datasource.put("hide", 0);
    if (panels.stream().anyMatch(p -> p.source() == Panel.Source.cloudwatch)) {
      // The environment whose SQS queues the CloudWatch panels show (emporium-<env>-...).
      ObjectNode environment = variables.addObject();
      environment.put("name", "environment");
      environment.put("label", "Environment");
      environment.put("type", "textbox");
      environment.put("query", "dev");
      environment.putObject("current").put("text", "dev").put("value", "dev");
      environment.put("hide", 0);
    }
    ArrayNode panelNodes = root.putArray("panels");
    int x = 0;
    int y = 0;
    int rowHeight = 0;
    int id = 1;
    for (Panel panel : panels) {
      int width = panel.type().equals("stat") ? 6 : 12;
      int height = panel.type().equals("stat") ? 4 : 8;
      if (x + width > 24) {
        x = 0;
        y += rowHeight;
        rowHeight = 0;
      }
      panelNodes.add(panel(panel, id++, x, y, width, height));
      x += width;
      rowHeight = Math.max(rowHeight, height);
    }
    return root;
  }

  private static ObjectNode panel(Panel panel, int id, int x, int y, int w, int h) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", id);
    node.put("type", panel.type());
    node.put("title", panel.title());
    node.putObject("gridPos").put("x", x).put("y", y).put("w", w).put("h", h);
    datasource(node, panel.source());
    node.putObject("fieldConfig").putObject("defaults").put("unit", panel.unit());
    ArrayNode targets = node.putArray("targets");
    char refId = 'A';
    for (Panel.Query query : panel.queries()) {
      ObjectNode target = targets.addObject();
      target.put("refId", String.valueOf(refId++));
      datasource(target, panel.source());
      if (panel.source() == Panel.Source.cloudwatch) {
        // A metric-math expression in code mode (Grafana's CloudWatch query model).
        target.put("queryMode", "Metrics");
        target.put("metricQueryType", 0);
        target.put("metricEditorMode", 1);
        target.put("region", "default");
        target.put("id", "");
        target.put("expression", query.expr());
        target.put("label", query.legend());
      } else {
        target.put("expr", query.expr());
        target.put("legendFormat", query.legend());
      }
    }
    return node;
  }

  private static void datasource(ObjectNode node, Panel.Source source) {
    node.putObject("datasource")
        .put("type", source.name())
        .put("uid", source == Panel.Source.cloudwatch ? Panel.CLOUDWATCH_UID : DATASOURCE);
  }
}
