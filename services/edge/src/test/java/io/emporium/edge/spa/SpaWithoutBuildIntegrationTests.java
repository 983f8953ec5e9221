package io.emporium.edge.spa;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.edge.EdgeTestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An edge started without a built SPA says how to build it instead of failing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpaWithoutBuildIntegrationTests {

  @Autowired WebTestClient http;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EdgeTestIdentity.register(registry);
  }

  @Test
  void answers503SayingHowToBuildTheShop() {
    http.get()
        .uri("/orders/1")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("./emporium up"));
  }
}
