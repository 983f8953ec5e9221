package io.emporium.platform.identity;

import static io.emporium.platform.web.ProblemExpectations.expectProblem;

import io.emporium.platform.web.WebTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The customer comes from X-Customer-Id; without a valid one the request is a 401 problem. */
@SpringBootTest(
    classes = {WebTestApplication.class, WhoAmIController.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CurrentCustomerTests {

  private static final String ME = "/test/me";

  @Autowired WebTestClient client;

  @Test
  void validHeaderResolvesTheCustomer() {
    client
        .get()
        .uri(ME)
        .header(HeaderCurrentCustomer.HEADER, "cust_42-A")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.customerId")
        .isEqualTo("cust_42-A");
  }

  @Test
  void missingHeaderIsUnauthenticated() {
    expectProblem(client.get().uri(ME).exchange(), 401, "unauthenticated", ME)
        .jsonPath("$.title")
        .isEqualTo("Unauthenticated")
        .jsonPath("$.detail")
        .isEqualTo("Missing X-Customer-Id header");
  }

  @Test
  void malformedHeaderIsUnauthenticatedAndNotEchoed() {
    expectProblem(
            client.get().uri(ME).header(HeaderCurrentCustomer.HEADER, "bob<script>").exchange(),
            401,
            "unauthenticated",
            ME)
        .jsonPath("$.detail")
        .value(
            detail ->
                org.assertj.core.api.Assertions.assertThat((String) detail)
                    .startsWith("Invalid X-Customer-Id header")
                    .doesNotContain("script"));
  }

  @Test
  void overlongHeaderIsUnauthenticated() {
    expectProblem(
        client.get().uri(ME).header(HeaderCurrentCustomer.HEADER, "a".repeat(65)).exchange(),
        401,
        "unauthenticated",
        ME);
  }

  @Test
  void twoHeaderValuesAreUnauthenticated() {
    expectProblem(
        client.get().uri(ME).header(HeaderCurrentCustomer.HEADER, "alice", "bob").exchange(),
        401,
        "unauthenticated",
        ME);
  }
}
