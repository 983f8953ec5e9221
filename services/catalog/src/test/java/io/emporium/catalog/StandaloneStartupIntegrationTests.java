package io.emporium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.platform.testing.AwsEmulator;
import io.emporium.platform.testing.TestEnvironment;
import io.emporium.platform.testing.TestPostgres;
import io.emporium.platform.testing.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service starts alone the way {@code ./emporium up} runs it: the {@code local} profile, only
 * the emulator endpoint, PostgreSQL and the user pool given as the EMPORIUM_* settings; it
 * provisions its own topology (environment "local"), migrates database "catalog" and reports ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneStartupIntegrationTests {

  private ConfigurableApplicationContext app;
  private WebTestClient web;

  @BeforeAll
  void start() {
    AwsEmulator aws = TestEnvironment.aws();
    TestPostgres postgres = TestEnvironment.postgres();
    postgres.recreateDatabase("catalog");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--EMPORIUM_AWS_ENDPOINT=" + aws.endpoint(),
                "--EMPORIUM_PG_HOST=" + postgres.host(),
                "--EMPORIUM_PG_PORT=" + postgres.port(),
                "--EMPORIUM_PG_USER=" + postgres.user(),
                "--EMPORIUM_PG_PASSWORD=" + postgres.password()));
    TestUsers.pool().properties().forEach((name, value) -> args.add("--" + name + "=" + value));
    app =
        new SpringApplicationBuilder(CatalogApplication.class)
            .profiles("local")
            .run(args.toArray(String[]::new));
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void isReady() {
    web.get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  @Test
  void exposesPrometheusMetricsIncludingReservations() {
    web.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            text ->
                assertThat(text)
                    .contains("emporium_catalog_reservations_total")
                    .contains("application=\"catalog\""));
  }

  @Test
  void servesItsOpenApiDocument() {
    web.get()
        .uri("/api/catalog/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.openapi")
        .exists()
        .jsonPath("$.paths['/api/catalog/products']")
        .exists()
        .jsonPath("$.paths['/api/catalog/admin/products/{sku}/stock']")
        .exists();
  }

  @Test
  void servesTheSeededCatalog() {
    web.get()
        .uri("/api/catalog/products?size=1")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.totalItems")
        .value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(200));
  }
}
