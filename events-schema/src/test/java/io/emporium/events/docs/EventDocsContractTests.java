package io.emporium.events.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.emporium.events.EventTypes;
import io.emporium.events.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed asyncapi.yaml and docs/events.md are what the generator makes of the current
 * schemas and topology. With {@code -Demporium.docs.regenerate=true} the files are rewritten first.
 */
class EventDocsContractTests {

  private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final String OUT_OF_DATE =
      "%s is out of date with the schemas or topology.yaml: regenerate with `"
          + EventDocs.REGENERATE
          + "` and commit it";

  @BeforeAll
  static void regenerateWhenAsked() {
    if (Boolean.getBoolean("emporium.docs.regenerate")) {
      EventDocs.write(MODULE);
    }
  }

  @Test
  void committedAsyncApiIsUpToDate() throws IOException {
    assertThat(Files.readString(MODULE.resolve(EventDocs.ASYNCAPI)))
        .as(OUT_OF_DATE, "events-schema/asyncapi.yaml")
        .isEqualTo(EventDocs.asyncApi());
  }

  @Test
  void committedEventsMarkdownIsUpToDate() throws IOException {
    assertThat(Files.readString(MODULE.resolve(EventDocs.MARKDOWN)))
        .as(OUT_OF_DATE, "docs/events.md")
        .isEqualTo(EventDocs.markdown());
  }

  @Test
  void asyncApiIsStructurallyValid() throws IOException {
    JsonNode doc = new YAMLMapper().readTree(EventDocs.asyncApi());

    assertThat(doc.path("asyncapi").isTextual()).isTrue();
    assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(doc.path("info").path("title").asText()).isNotBlank();
    assertThat(doc.path("info").path("version").isTextual()).isTrue();
    assertThat(doc.path("channels").properties()).hasSize(Topology.load().producers().size());
    doc.path("channels")
        .properties()
        .forEach(
            channel -> {
              assertThat(channel.getValue().path("address").asText()).startsWith("emporium-{env}-");
              assertThat(channel.getValue().path("messages").size())
                  .as("messages of %s", channel.getKey())
                  .isPositive();
            });
    doc.path("operations")
        .properties()
        .forEach(
            op -> {
              assertThat(op.getValue().path("action").asText()).isIn("send", "receive");
              assertThat(op.getValue().path("messages").size()).isPositive();
            });
  }

  @Test
  void asyncApiHasAMessagePerTypeWithItsTypeAttribute() throws IOException {
    JsonNode messages =
        new YAMLMapper().readTree(EventDocs.asyncApi()).path("components").path("messages");

    assertThat(messages.properties()).hasSize(EventTypes.all().types().size());
    for (String type : EventTypes.all().types()) {
      JsonNode typeHeader = messages.path(type).path("headers").path("properties").path("type");
      assertThat(typeHeader.path("const").asText()).as(type).isEqualTo(type);
    }
  }

  @Test
  void everyReferenceInTheAsyncApiResolves() throws IOException {
    JsonNode doc = new YAMLMapper().readTree(EventDocs.asyncApi());
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      if (ref.startsWith("#")) {
        assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
      } else {
        assertThat(MODULE.resolve(ref)).as(ref).isRegularFile();
      }
    }
  }

  @Test
  void markdownDocumentsEveryTypeAndQueue() {
    String markdown = EventDocs.markdown();

    assertThat(markdown).startsWith("<!-- Generated").contains("do not edit");
    EventTypes.all().types().forEach(type -> assertThat(markdown).contains("#### " + type));
    Topology.load()
        .subscriptions("{env}")
        .forEach(s -> assertThat(markdown).contains("`" + s.queue() + "`", "`" + s.dlq() + "`"));
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }
}
