package io.emporium.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge module planned offline (it looks nothing up, so no endpoint is needed): what CloudFront
 * and its WAF web ACL will do with the shop's traffic. moto's WAF stores rules without evaluating
 * them and it has no CloudFront managed policies, so the plan is the closest check here: rate
 * limits, the 429 answer, config.json, the secret origin header, the CSP, the API behaviour and the
 * headers it forwards (never X-Customer-Id).
 */
class EdgePlanTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORIGIN_SECRET = UUID.randomUUID().toString();
  private static JsonNode plan;

  @BeforeAll
  static void plan() throws IOException {
    Terraform terraform =
        Terraform.in(Terraform.MODULE_DIR.resolve("src/test/terraform/edge"), "plan-edge");
    terraform.ok(
        "init",
        "-input=false",
        "-no-color",
        "-backend-config=path=" + Terraform.TARGET.resolve("plan-edge.tfstate"));
    String planFile = Terraform.TARGET.resolve("edge.tfplan").toString();
    terraform.ok(
        "plan",
        "-input=false",
        "-no-color",
        "-lock=false",
        "-out=" + planFile,
        "-var",
        "origin_verify_header_value=" + ORIGIN_SECRET);
    String show = terraform.ok("show", "-json", "-no-color", planFile);
    plan = JSON.readTree(show.substring(show.indexOf('{')));
  }

  @Test
  void limitsCheckoutsPerShopperSessionAndPerClientIp() {
    JsonNode perToken = rateStatement("checkout-per-token");
    JsonNode perIp = rateStatement("checkout-per-ip");

    assertThat(perToken.path("aggregate_key_type").asText()).isEqualTo("CUSTOM_KEYS");
    assertThat(perToken.at("/custom_key/0/header/0/name").asText()).isEqualTo("authorization");
    assertThat(perIp.path("aggregate_key_type").asText()).isEqualTo("IP");
    for (JsonNode rule : List.of(perToken, perIp)) {
      List<JsonNode> matches = scopeDown(rule);
      assertThat(matches)
          .extracting(m -> m.path("positional_constraint").asText() + " " + matched(m))
          .containsExactlyInAnyOrder("EXACTLY uri_path=/api/cart/checkout", "EXACTLY method=POST");
      assertThat(rule.path("evaluation_window_sec").asInt()).isEqualTo(60);
    }
    assertThat(perToken.path("limit").asInt()).isEqualTo(10);
    assertThat(perIp.path("limit").asInt()).isEqualTo(20);
  }

  @Test
  void limitsCartWritesPerClientIp() {
    JsonNode rule = rateStatement("cart-writes-per-ip");
    JsonNode and = rule.at("/scope_down_statement/0/and_statement/0/statement");

    assertThat(rule.path("aggregate_key_type").asText()).isEqualTo("IP");
    assertThat(rule.path("limit").asInt()).isEqualTo(120);
    assertThat(and.at("/0/byte_match_statement/0/positional_constraint").asText())
        .isEqualTo("STARTS_WITH");
    assertThat(and.at("/0/byte_match_statement/0/search_string").asText()).isEqualTo("/api/cart");
    assertThat(and.at("/1/regex_match_statement/0/regex_string").asText())
        .isEqualTo("^(POST|PUT|PATCH|DELETE)$");
    assertThat(and.at("/1/regex_match_statement/0/field_to_match/0/method")).hasSize(1);
  }

  @Test
  void answersEveryLimitedRequestWith429RetryAfterAndAProblemBody() throws IOException {
    JsonNode acl = after("module.edge.aws_wafv2_web_acl.this");
    Map<Integer, String> rateRules = new TreeMap<>(); // by priority: rules are a set in the plan
    for (JsonNode rule : acl.path("rule")) {
      if (rule.at("/statement/0/rate_based_statement").isEmpty()) {
        continue;
      }
      rateRules.put(rule.path("priority").asInt(), rule.path("name").asText());
      JsonNode response = rule.at("/action/0/block/0/custom_response/0");
      assertThat(response.path("response_code").asInt())
          .as(rule.path("name").asText())
          .isEqualTo(429);
      assertThat(response.at("/response_header/0/name").asText()).isEqualTo("Retry-After");
      assertThat(response.at("/response_header/0/value").asText()).isEqualTo("60");
      assertThat(response.path("custom_response_body_key").asText()).isEqualTo("too-many-requests");
    }
    JsonNode body = acl.at("/custom_response_body/0");
    JsonNode problem = JSON.readTree(body.path("content").asText());

    assertThat(rateRules.values())
        .containsExactly(
            "checkout-per-token", "checkout-per-ip", "cart-writes-per-ip", "requests-per-ip");
    assertThat(body.path("key").asText()).isEqualTo("too-many-requests");
    assertThat(body.path("content_type").asText()).isEqualTo("APPLICATION_JSON");
    assertThat(problem.path("status").asInt()).isEqualTo(429);
    assertThat(problem.path("type").asText()).endsWith("/problems/too-many-requests");
    assertThat(problem.path("detail").asText()).isNotBlank();
  }

  @Test
  void writesTheSpasConfigJsonUncached() throws IOException {
    JsonNode object = after("module.edge.aws_s3_object.spa_config");
    JsonNode config = JSON.readTree(object.path("content").asText());

    assertThat(object.path("key").asText()).isEqualTo("config.json");
    assertThat(object.path("content_type").asText()).isEqualTo("application/json");
    assertThat(object.path("cache_control").asText()).isEqualTo("no-cache");
    assertThat(iterable(config.fieldNames()))
        .containsExactlyInAnyOrder("region", "userPoolId", "clientId", "authDomain");
    assertThat(config.path("userPoolId").asText()).isEqualTo("eu-west-1_AbCdEfGhI");
  }

  @Test
  void sendsTheSecretOriginHeaderToTheApiOriginOnly() {
    JsonNode distribution = after("module.edge.aws_cloudfront_distribution.this");
    JsonNode api = origin(distribution, "api");

    assertThat(api.at("/custom_header/0/name").asText()).isEqualTo("X-Origin-Verify");
    assertThat(api.at("/custom_header/0/value").asText()).isEqualTo(ORIGIN_SECRET);
    assertThat(api.at("/custom_origin_config/0/origin_protocol_policy").asText())
        .isEqualTo("https-only");
    assertThat(origin(distribution, "spa").path("custom_header")).isEmpty();
  }

  @Test
  void passesTheAuthorizationHeaderToTheApiAndCachesNothingThere() {
    JsonNode api =
        after("module.edge.aws_cloudfront_distribution.this").at("/ordered_cache_behavior/0");

    assertThat(api.path("path_pattern").asText()).isEqualTo("/api/*");
    assertThat(api.path("viewer_protocol_policy").asText()).isEqualTo("https-only");
    // Managed-CachingDisabled and Managed-AllViewerExceptHostHeader: with caching off, CloudFront
    // forwards Authorization to the origin (a custom origin request policy cannot).
    assertThat(api.path("cache_policy_id").asText())
        .isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
    assertThat(api.path("origin_request_policy_id").asText())
        .isEqualTo("b689b0a8-53d0-40ab-baf2-68738e2966ac");
  }

  @Test
  void theApiBehaviourDropsXCustomerIdBeforeForwarding() throws Exception {
    JsonNode association =
        configured("aws_cloudfront_distribution.this")
            .at("/expressions/ordered_cache_behavior/0/function_association/0");
    assertThat(association.at("/event_type/constant_value").asText()).isEqualTo("viewer-request");
    assertThat(association.at("/function_arn/references"))
        .extracting(JsonNode::asText)
        .contains("aws_cloudfront_function.api_request.arn");
    String code = after("module.edge.aws_cloudfront_function.api_request").path("code").asText();

    JsonNode forwarded =
        CloudFrontFunction.run(
            code,
            """
            {"request": {"method": "GET", "uri": "/api/order/orders", "headers": {
              "x-customer-id": {"value": "admin"},
              "authorization": {"value": "Bearer t"}}}}""");

    assertThat(forwarded.path("headers").has("x-customer-id")).isFalse();
    assertThat(forwarded.at("/headers/authorization/value").asText()).isEqualTo("Bearer t");
    assertThat(forwarded.path("uri").asText()).isEqualTo("/api/order/orders");
  }

  @Test
  void letsTheSpaFetchFromCognitoAndNowhereElse() {
    String csp =
        after("module.edge.aws_cloudfront_response_headers_policy.security")
            .at("/security_headers_config/0/content_security_policy/0/content_security_policy")
            .asText();

    assertThat(csp)
        .contains(
            "connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com"
                + " https://emporium-plan.auth.eu-west-1.amazoncognito.com;")
        .contains("default-src 'self'");
  }

  private static JsonNode after(String address) {
    return StreamSupport.stream(plan.path("resource_changes").spliterator(), false)
        .filter(change -> change.path("address").asText().equals(address))
        .map(change -> change.at("/change/after"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(address + " is not in the plan"));
  }

  /** A resource of the edge module as written (its expressions and what they reference). */
  private static JsonNode configured(String address) {
    for (JsonNode resource :
        plan.at("/configuration/root_module/module_calls/edge/module/resources")) {
      if (resource.path("address").asText().equals(address)) {
        return resource;
      }
    }
    throw new AssertionError(address + " is not in the edge module's configuration");
  }

  private static JsonNode rateStatement(String rule) {
    for (JsonNode each : after("module.edge.aws_wafv2_web_acl.this").path("rule")) {
      if (each.path("name").asText().equals(rule)) {
        return each.at("/statement/0/rate_based_statement/0");
      }
    }
    throw new AssertionError("no WAF rule " + rule);
  }

  /** The byte-match statements ANDed in a rate-based rule's scope-down statement. */
  private static List<JsonNode> scopeDown(JsonNode rateStatement) {
    List<JsonNode> matches = new ArrayList<>();
    for (JsonNode statement :
        rateStatement.at("/scope_down_statement/0/and_statement/0/statement")) {
      matches.add(statement.at("/byte_match_statement/0"));
    }
    return matches;
  }

  /** "uri_path=/api/..." or "method=POST": the field a byte-match statement looks at. */
  private static String matched(JsonNode byteMatch) {
    JsonNode field = byteMatch.at("/field_to_match/0");
    String name = field.path("uri_path").isEmpty() ? "method" : "uri_path";
    return name + "=" + byteMatch.path("search_string").asText();
  }

  private static JsonNode origin(JsonNode distribution, String id) {
    for (JsonNode origin : distribution.path("origin")) {
      if (origin.path("origin_id").asText().equals(id)) {
        return origin;
      }
    }
    throw new AssertionError("no origin " + id);
  }

  private static <T> List<T> iterable(Iterator<T> iterator) {
    List<T> list = new ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
