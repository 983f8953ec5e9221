package io.emporium.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.TestEnvironment;
import io.emporium.platform.testing.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service starts on its own, as {@code ./emporium up} runs it: the local profile against the
 * emulator, no catalog running, its table created at startup.
 */
@ExtendWith(EmulatedInfrastructure.class)
class CartServiceIntegrationTests {

  @Test
  void startsAloneAgainstTheEmulatorAndServesHealthMetricsAndApiDocs() {
    var aws = TestEnvironment.aws();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.cloud.aws.endpoint=" + aws.endpoint(),
                "--emporium.cart.catalog-url=http://127.0.0.1:9"));
    TestUsers.pool().properties().forEach((name, value) -> args.add("--" + name + "=" + value));
    try (var context =
        new SpringApplicationBuilder(CartApplication.class)
            .profiles("local")
            .run(args.toArray(String[]::new))) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      var client =
          WebTestClient.bindToServer()
              .baseUrl("http://127.0.0.1:" + port)
              .responseTimeout(Duration.ofSeconds(30))
              .build();

      client
          .get()
          .uri("/actuator/health/readiness")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("UP");
      client
          .get()
          .uri("/actuator/prometheus")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(String.class)
          .value(body -> assertThat(body).contains("emporium_outbox_pending"));
      client
          .get()
          .uri("/api/cart/api-docs")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.paths['/api/cart/checkout']")
          .exists()
          .jsonPath("$.paths['/api/cart/items']")
          .exists();
      try (var dynamo = io.emporium.cart.support.CartTestInfra.dynamo()) {
        assertThat(dynamo.listTables().tableNames()).contains("emporium-local-carts");
      }
    }
  }
}
