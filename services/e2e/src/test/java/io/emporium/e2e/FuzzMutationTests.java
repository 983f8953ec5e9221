package io.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fuzzing gate's generator, without a shop: repeatable from its seed, and hostile. */
class FuzzMutationTests {

  private static final JsonNode DOCUMENT =
      ApiOperations.parse(
          """
          {"paths": {"/api/cart/items/{sku}": {"put": {
             "parameters": [{"name": "sku", "in": "path", "required": true,
                             "schema": {"type": "string"}}],
             "requestBody": {"content": {"application/json": {"schema":
                 {"$ref": "#/components/schemas/Quantity"}}}}}}},
           "components": {"schemas": {"Quantity": {"type": "object", "required": ["quantity"],
             "properties": {"quantity": {"type": "integer", "minimum": 1}}}}}}
          """);

  private final ApiOperations.Operation operation =
      ApiOperations.of("cart", DOCUMENT, Map.of("sku", "MUG-1")).get(0);

  @BeforeEach
  void startSession() {
    JqwikSession.start();
  }

  @AfterEach
  void finishSession() {
    JqwikSession.finish();
  }

  @Test
  void readsTheOperationAndAValidExampleFromTheDocument() {
    assertThat(operation.name()).isEqualTo("PUT /api/cart/items/{sku}");
    assertThat(operation.body().toString()).isEqualTo("{\"quantity\":1}");
    assertThat(operation.parameters()).extracting(ApiOperations.Parameter::name).contains("sku");
  }

  @Test
  void theSameSeedSendsTheSameRequests() {
    assertThat(describe(variants(42))).isEqualTo(describe(variants(42)));
    assertThat(describe(variants(42))).isNotEqualTo(describe(variants(43)));
  }

  @Test
  void variantsCoverParametersBodyFieldsWholeBodiesAndTokens() {
    Set<FuzzMutation.Kind> kinds = EnumSet.noneOf(FuzzMutation.Kind.class);
    variants(7).forEach(v -> kinds.add(v.kind()));

    assertThat(kinds)
        .contains(
            FuzzMutation.Kind.PARAMETER,
            FuzzMutation.Kind.BODY_FIELD,
            FuzzMutation.Kind.MISSING_FIELD,
            FuzzMutation.Kind.EXTRA_FIELD,
            FuzzMutation.Kind.WHOLE_BODY,
            FuzzMutation.Kind.NO_TOKEN);
  }

  @Test
  void hostileValuesIncludeControlCharactersAndNumbersTheApiDoesNotMean() {
    Random random = new Random(1);
    List<String> values =
        IntStream.range(0, 2000)
            .mapToObj(i -> HostileValues.sample(HostileValues.jsonValue(), random))
            .toList();

    assertThat(values).contains("\"\\u0000\"", "1.5", "-1", "true");
    assertThat(values).anySatisfy(v -> assertThat(v).startsWith("[[[[[[[[[["));
  }

  private List<FuzzMutation.Variant> variants(long seed) {
    Random random = new Random(seed);
    return IntStream.range(0, 200)
        .mapToObj(i -> FuzzMutation.of(operation, Map.of("sku", "MUG-1"), "token", random))
        .toList();
  }

  private static List<String> describe(List<FuzzMutation.Variant> variants) {
    return variants.stream().map(v -> v.kind() + " " + v.request().describe()).toList();
  }
}
