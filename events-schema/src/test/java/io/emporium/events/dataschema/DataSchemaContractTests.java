package io.emporium.events.dataschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.events.topology.Topology;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** data-schema.yaml names only known services and spells every table the same way. */
class DataSchemaContractTests {

  private static final DataSchema SCHEMA = DataSchema.load();

  @Test
  void theJarShipsTheFileAtTheModuleRoot() {
    assertThat(DataSchema.load(Path.of("data-schema.yaml"))).isEqualTo(SCHEMA);
  }

  @Test
  void everyStoreIsOwnedByAServiceOfTheTopologyOrIsLocalOnly() {
    Set<String> services = Topology.load().producers().keySet();

    SCHEMA.dynamodb().values().forEach(t -> assertThat(services).contains(t.owner()));
    SCHEMA
        .postgres()
        .forEach(
            (name, db) -> {
              assertThat(name).matches("[a-z][a-z0-9_]*");
              if (!db.local()) {
                assertThat(services).as("owner of %s", name).contains(db.owner());
              }
            });
  }

  @Test
  void namesTablesAfterTheEnvironmentAndDeclaresTheirKeys() {
    assertThat(SCHEMA.tableName("prod", "carts")).isEqualTo("emporium-prod-carts");
    assertThat(SCHEMA.tableName("test", "cart-outbox")).isEqualTo("emporium-test-cart-outbox");
    SCHEMA
        .dynamodb()
        .forEach(
            (name, table) -> {
              assertThat(name).matches("[a-z][a-z0-9-]*");
              assertThat(table.hashKey()).as("hash key of %s", name).isNotBlank();
            });
    assertThat(SCHEMA.table("cart-outbox").rangeKey()).isEqualTo("sk");
    assertThat(SCHEMA.table("cart-inbox").ttlAttribute()).isEqualTo("expiresAt");
  }

  @Test
  void theDeadLetterAuditTableIsNamedPerEnvironmentLikeEveryTable() {
    DataSchema.AuditTable audit = SCHEMA.deadLetterAudit("prod");
    assertThat(audit.name()).isEqualTo("emporium-prod-dead-letter-audit");
    assertThat(audit.hashKey()).isNotBlank().isNotEqualTo(audit.rangeKey());
    assertThat(audit.rangeKey()).isNotBlank();
    assertThat(SCHEMA.dynamodb()).doesNotContainKey(SCHEMA.deadLetterAudit().table());
  }

  @Test
  void refusesATableItDoesNotDeclare() {
    assertThatThrownBy(() -> SCHEMA.tableName("prod", "wishlists"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wishlists");
  }
}
