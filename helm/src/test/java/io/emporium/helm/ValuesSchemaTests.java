package io.emporium.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** values.schema.json turns a bad value away before anything renders. */
class ValuesSchemaTests {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "replicaCount, two",
    "image.tag, latest",
    "env, staging",
    "containerPort, 80",
    "consumesFrom[0], warehouse",
    "resources.limits.memory, lots",
    "topologySpread.whenUnsatisfiable, Sometimes",
    "replicaCout, 2",
    "database.passwrd, secret",
    "identity.userPoolId, eu-west-1",
    "identity.clientId, not a client",
    "identity.region, Europe",
    "calls.warehouse, 8081",
    "ingress.securityGroupId, default",
  })
  void templateRejectsABadOrUnknownValue(String key, String value) {
    assertThatThrownBy(() -> Charts.render("order", "dev", Map.of(key, value)))
        .hasMessageContaining("values don't meet the specifications of the schema");
  }

  @ParameterizedTest(name = "without identity.{0}")
  @CsvSource({"region", "userPoolId", "clientId"})
  void noServiceRendersWithoutItsIdentitySettings(String key) {
    assertThatThrownBy(() -> Charts.render("cart", "prod", Map.of("identity." + key, "")))
        .hasMessageContaining("values don't meet the specifications of the schema");
  }

  @Test
  void lintRejectsAStringWhereANumberBelongs() {
    LintResult lint =
        Charts.lint("payment", "bad-replicas", List.of(Map.of("replicaCount", "two")));

    assertThat(lint.isFailed()).isTrue();
    assertThat(String.join("\n", lint.getMessages())).contains("replicaCount");
  }

  @Test
  void lintRejectsAnUnknownKey() {
    LintResult lint =
        Charts.lint(
            "cart", "unknown-key", List.of(Map.of("image", Map.of("tag", "4f2a9c1", "tg", "x"))));

    assertThat(lint.isFailed()).isTrue();
    assertThat(String.join("\n", lint.getMessages())).contains("tg");
  }

  @Test
  void acceptsTheSameKeysWithGoodValues() {
    String manifests =
        Charts.render("order", "dev", Map.of("replicaCount", 2, "image.tag", "0123abcd"));

    assertThat(manifests).contains("emporium/order:0123abcd");
  }

  @ParameterizedTest
  @MethodSource("io.emporium.helm.Charts#services")
  void everyChartChecksItsValuesWithTheLibrarysOneSchema(String service) throws IOException {
    Path schema = Charts.helmDir().resolve(service).resolve("values.schema.json");

    assertThat(Files.isSymbolicLink(schema))
        .as("helm/%s/values.schema.json must link to the one schema, not copy it", service)
        .isTrue();
    assertThat(schema.toRealPath())
        .isEqualTo(
            Charts.helmDir().resolve("emporium-service/service-values.schema.json").toRealPath());
  }
}
