package io.emporium.events.dataschema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The data stores from {@code data-schema.yaml}, the one source of database and table names: the
 * code that creates them locally asks it, and Terraform's data module reads the same file.
 *
 * @param postgres database name → its declaration
 * @param dynamodb logical table name → its declaration
 * @param deadLetterAudit the append-only table of replays and purges of dead letters (no owner)
 */
public record DataSchema(
    int version,
    Naming naming,
    Map<String, PostgresDatabase> postgres,
    Map<String, DynamoDbTable> dynamodb,
    DeadLetterAudit deadLetterAudit) {

  public static final String RESOURCE = "data-schema.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /**
   * @param dynamodbTable the pattern of a table's name, with {env} and {table}
   */
  public record Naming(String dynamodbTable) {}

  /**
   * @param owner the service that owns the database
   * @param local true when it exists only locally and in tests, never in AWS
   */
  public record PostgresDatabase(String owner, boolean local) {}

  /**
   * @param rangeKey null when the table has a hash key only
   * @param ttlAttribute the attribute DynamoDB expires items by (epoch seconds), or null
   */
  public record DynamoDbTable(String owner, String hashKey, String rangeKey, String ttlAttribute) {}

  /**
   * Where replays and purges of dead letters are recorded.
   *
   * @param table the logical name ({@code {table}} of the naming pattern)
   * @param hashKey the partition key attribute (a string: {@code AUDIT#<yyyy-MM>})
   * @param rangeKey the sort key attribute (a string: {@code <instant>#<record id>})
   */
  public record DeadLetterAudit(String table, String hashKey, String rangeKey) {}

  /**
   * The dead-letter audit table of environment {@code env}.
   *
   * @param name {@code emporium-<env>-dead-letter-audit}
   */
  public record AuditTable(String name, String hashKey, String rangeKey) {}

  /** The schema shipped in the events-schema jar. */
  public static DataSchema load() {
    try (InputStream in = DataSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return YAML.readValue(in, DataSchema.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DataSchema load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return YAML.readValue(in, DataSchema.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The declaration of table {@code table}; fails for a table the schema does not declare. */
  public DynamoDbTable table(String table) {
    DynamoDbTable declared = dynamodb.get(table);
    if (declared == null) {
      throw new IllegalArgumentException("no DynamoDB table '" + table + "' in " + RESOURCE);
    }
    return declared;
  }

  /** The name of table {@code table} in environment {@code env}: {@code emporium-<env>-<table>}. */
  public String tableName(String env, String table) {
    table(table);
    return naming.dynamodbTable().replace("{env}", env).replace("{table}", table);
  }

  /** The dead-letter audit table of {@code env}: {@code emporium-<env>-dead-letter-audit}. */
  public AuditTable deadLetterAudit(String env) {
    return new AuditTable(
        naming.dynamodbTable().replace("{env}", env).replace("{table}", deadLetterAudit.table()),
        deadLetterAudit.hashKey(),
        deadLetterAudit.rangeKey());
  }

  /** Every PostgreSQL database, in file order (the local ones included). */
  public List<String> databases() {
    return List.copyOf(postgres.keySet());
  }
}
