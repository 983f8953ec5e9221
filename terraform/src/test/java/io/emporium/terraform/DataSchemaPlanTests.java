package io.emporium.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.emporium.events.dataschema.DataSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data module plans exactly the databases and tables of the data schema it is given, as the
 * Java side reads them ({@link DataSchema}): planned offline (no endpoint, no API call). A table or
 * database added to the file appears in the plan; a local-only database does not.
 */
class DataSchemaPlanTests {

  private static final String ENV = "plan";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURE = Terraform.MODULE_DIR.resolve("src/test/terraform/data");
  private static final Set<Path> PLANNED = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static Terraform terraform;

  /** A planned (or declared) DynamoDB table: name and keys; null where it has none. */
  record Table(String name, String hashKey, String rangeKey, String ttlAttribute) {}

  record Plan(Set<Table> tables, Set<String> databases) {}

  @BeforeAll
  static void init() {
    terraform = Terraform.in(FIXTURE, "plan-data");
    terraform.ok(
        "init",
        "-input=false",
        "-no-color",
        "-backend-config=path=" + Terraform.TARGET.resolve("plan-data.tfstate"));
  }

  @Test
  void plansExactlyTheDatabasesAndTablesOfTheRepositorysSchema() {
    Plan planned = plan(Roots.DATA_SCHEMA);

    assertThat(planned).isEqualTo(expected(DataSchema.load(Roots.DATA_SCHEMA)));
    assertThat(planned.databases()).contains("catalog", "order", "payment", "notification");
    assertThat(planned.tables())
        .contains(new Table("emporium-plan-dead-letter-audit", "pk", "sk", null));
  }

  @Test
  void keepsTheDeadLetterAuditWithPointInTimeRecoveryAndDeletionProtection() throws Exception {
    Path planFile = planFile(Roots.DATA_SCHEMA);
    JsonNode audit = null;
    for (JsonNode change :
        JSON.readTree(terraform.ok("show", "-json", "-no-color", planFile.toString()))
            .path("resource_changes")) {
      if (change.path("address").asText().endsWith("aws_dynamodb_table.dead_letter_audit")) {
        audit = change.path("change").path("after");
      }
    }

    assertThat(audit).as("the audit table is planned").isNotNull();
    assertThat(audit.path("name").asText()).isEqualTo("emporium-plan-dead-letter-audit");
    assertThat(audit.path("deletion_protection_enabled").asBoolean()).isTrue();
    assertThat(audit.at("/point_in_time_recovery/0/enabled").asBoolean()).isTrue();
  }

  @Test
  void tracksATableAndADatabaseAddedToTheSchemaAndSkipsLocalOnlyDatabases() throws Exception {
    Path modified =
        modified(
            Map.of("wishlists", Map.of("owner", "cart", "hashKey", "pk", "rangeKey", "sk")),
            Map.of(
                "audit", Map.of("owner", "order"),
                "simulator", Map.of("owner", "psp", "local", true)));

    Plan planned = plan(modified);

    assertThat(planned).isEqualTo(expected(DataSchema.load(modified)));
    assertThat(planned.tables()).contains(new Table("emporium-plan-wishlists", "pk", "sk", null));
    assertThat(planned.databases()).contains("audit").doesNotContain("simulator");
  }

  private static Plan expected(DataSchema schema) {
    Set<Table> tables = new HashSet<>();
    schema
        .dynamodb()
        .forEach(
            (name, t) ->
                tables.add(
                    new Table(
                        schema.tableName(ENV, name), t.hashKey(), t.rangeKey(), t.ttlAttribute())));
    DataSchema.AuditTable audit = schema.deadLetterAudit(ENV);
    tables.add(new Table(audit.name(), audit.hashKey(), audit.rangeKey(), null));
    Set<String> databases = new HashSet<>();
    schema
        .postgres()
        .forEach(
            (name, db) -> {
              if (!db.local()) {
                databases.add(name);
              }
            });
    return new Plan(tables, databases);
  }

  private static Plan plan(Path schema) {
    Path planFile = planFile(schema);
    return planned(terraform.ok("show", "-json", "-no-color", planFile.toString()));
  }

  /** Plans the data module for {@code schema} (once per file) and returns the plan file. */
  private static Path planFile(Path schema) {
    Path planFile = Terraform.TARGET.resolve(schema.getFileName() + ".tfplan");
    if (PLANNED.add(schema)) {
      terraform.ok(
          "plan",
          "-input=false",
          "-no-color",
          "-refresh=false",
          "-parallelism=20",
          "-out=" + planFile,
          "-var",
          "environment=" + ENV,
          "-var",
          "data_schema_file=" + schema.toAbsolutePath());
    }
    return planFile;
  }

  private static Plan planned(String showJson) {
    Set<Table> tables = new HashSet<>();
    Set<String> databases = new HashSet<>();
    JsonNode changes;
    try {
      changes = JSON.readTree(showJson).path("resource_changes");
    } catch (Exception e) {
      throw new IllegalStateException("not a plan: " + showJson, e);
    }
    StreamSupport.stream(changes.spliterator(), false)
        .filter(c -> c.path("change").path("actions").toString().contains("create"))
        .forEach(
            c -> {
              JsonNode after = c.path("change").path("after");
              switch (c.path("type").asText()) {
                case "aws_dynamodb_table" -> tables.add(table(after));
                case "aws_secretsmanager_secret" -> {
                  if (c.path("name").asText().equals("database")) {
                    databases.add(c.path("index").asText());
                  }
                }
                default -> {}
              }
            });
    return new Plan(tables, databases);
  }

  private static Table table(JsonNode after) {
    JsonNode ttl = after.path("ttl");
    String ttlAttribute =
        ttl.isArray() && !ttl.isEmpty() ? ttl.get(0).path("attribute_name").asText() : null;
    return new Table(
        after.path("name").asText(),
        after.path("hash_key").asText(),
        after.path("range_key").isNull() || after.path("range_key").isMissingNode()
            ? null
            : after.path("range_key").asText(),
        ttlAttribute);
  }

  @SuppressWarnings("unchecked")
  private static Path modified(Map<String, Object> tables, Map<String, Object> databases)
      throws Exception {
    Map<String, Object> schema = YAML.readValue(Roots.DATA_SCHEMA.toFile(), Map.class);
    ((Map<String, Object>) schema.get("dynamodb")).putAll(tables);
    ((Map<String, Object>) schema.get("postgres")).putAll(databases);
    Path file = Terraform.TARGET.resolve("data-schema-modified.yaml");
    Files.createDirectories(file.getParent());
    YAML.writeValue(file.toFile(), schema);
    return file;
  }
}
