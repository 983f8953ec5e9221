package io.emporium.platform.identity;

import static io.emporium.platform.web.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.platform.testing.BadTokens;
import io.emporium.platform.testing.SpringTestProperties;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import io.emporium.platform.web.WebTestApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service as an OAuth2 resource server for the emulator's Cognito pool: only the pool's access
 * tokens for the shop's app client, unexpired, get through; the customer is the token's sub.
 */
@AutoConfigureWebTestClient(timeout = "30s") // the first OpenAPI document is slow on a busy machine
@SpringBootTest(
    classes = {WebTestApplication.class, WhoAmIController.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.endpoints.web.exposure.include=health,prometheus,metrics")
class AccessTokenIntegrationTests {

  private static final String ME = "/whoami";

  @Autowired WebTestClient client;

  private final TestUsers users = TestUsers.forTestEnvironment();
  private final BadTokens bad = BadTokens.of(users);

  @DynamicPropertySource
  static void identity(DynamicPropertyRegistry registry) {
    SpringTestProperties.identity(registry);
  }

  @Test
  void anAccessTokenMakesItsSubjectTheCustomer() {
    TestUser shopper = users.newShopper();

    client
        .get()
        .uri(ME)
        .headers(shopper::authorize)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.customerId")
        .isEqualTo(shopper.id());
  }

  @Test
  void theApiDocumentListsNoCustomerParameterSinceTheTokenNamesTheCustomer() {
    client
        .get()
        .uri("/v3/api-docs")
        .headers(users.newShopper()::authorize)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/whoami'].get")
        .exists()
        .jsonPath("$.paths['/whoami'].get.parameters")
        .doesNotExist();
  }

  @Test
  void noTokenIsAProblemWithABearerChallenge() {
    expectProblem(client.get().uri(ME).exchange(), 401, "unauthenticated", ME)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("Authorization: Bearer"));
    client
        .get()
        .uri(ME)
        .exchange()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"expired", "wrong-key", "wrong-issuer", "wrong-client", "marked-id", "id-token"})
  void refusesATokenThatIsWrongInOneWay(String kind) {
    TestUser shopper = users.newShopper();
    String token =
        switch (kind) {
          case "expired" -> bad.expired(shopper);
          case "wrong-key" -> bad.wrongKey(shopper);
          case "wrong-issuer" -> bad.wrongIssuer(shopper);
          case "wrong-client" -> bad.wrongClient(shopper);
          case "marked-id" -> bad.accessTokenMarkedId(shopper);
          case "id-token" -> bad.idToken(shopper);
          default -> throw new IllegalArgumentException(kind);
        };

    expectProblem(
            client.get().uri(ME).headers(h -> h.setBearerAuth(token)).exchange(),
            401,
            "unauthenticated",
            ME)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).startsWith("The access token is not valid"));
    client
        .get()
        .uri(ME)
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
  }

  @Test
  void garbageInsteadOfATokenIsUnauthenticated() {
    expectProblem(
        client.get().uri(ME).header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt").exchange(),
        401,
        "unauthenticated",
        ME);
  }

  @Test
  void anXCustomerIdHeaderHasNoEffect() {
    TestUser shopper = users.newShopper();
    TestUser other = users.newShopper();

    expectProblem(
        client.get().uri(ME).header("X-Customer-Id", other.id()).exchange(),
        401,
        "unauthenticated",
        ME);
    client
        .get()
        .uri(ME)
        .headers(shopper::authorize)
        .header("X-Customer-Id", other.id())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.customerId")
        .isEqualTo(shopper.id());
  }

  @Test
  void healthAndPrometheusAreOpenHealthWithoutDetails() {
    client
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components")
        .doesNotExist();
    client
        .get()
        .uri("/actuator/health")
        .headers(users.newAdmin()::authorize)
        .exchange()
        .expectBody()
        .jsonPath("$.components")
        .doesNotExist();
  }

  @Test
  void otherActuatorEndpointsAreForAdminsOnly() {
    String metrics = "/actuator/metrics";
    expectProblem(client.get().uri(metrics).exchange(), 401, "unauthenticated", metrics);
    expectProblem(
            client.get().uri(metrics).headers(users.newShopper()::authorize).exchange(),
            403,
            "forbidden",
            metrics)
        .jsonPath("$.detail")
        .isEqualTo("Only administrators may do this");
    client
        .get()
        .uri(metrics)
        .headers(users.newAdmin()::authorize)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .value(body -> assertThat(body).containsKey("names"));
  }
}
