package io.emporium.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.dataschema.DataSchema;
import io.emporium.local.LocalProvisioning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The starts-alone check every service runs: the service started the way {@code ./emporium up} runs
 * it (the {@code local} profile; the emulator provisioned for environment "local" by the launcher's
 * code; its own database, created afresh; the user pool; nothing else), then {@link
 * #assertStartsAlone} checks it reports ready, exposes its Prometheus metrics and serves its
 * OpenAPI document.
 *
 * <pre>{@code
 * try (var catalog = StandaloneService.start(CatalogApplication.class, "catalog")) {
 *   catalog.assertStartsAlone("/api/catalog/products");
 * }
 * }</pre>
 */
public final class StandaloneService implements AutoCloseable {

  /** The environment {@code ./emporium up} provisions and the local profile uses. */
  public static final String LOCAL_ENV = "local";

  private final String service;
  private final ConfigurableApplicationContext context;
  private final WebTestClient web;

  private StandaloneService(String service, ConfigurableApplicationContext context) {
    this.service = service;
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.web =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  /** Starts {@code application} ({@code service} in topology.yaml) with {@code extraArgs}. */
  public static StandaloneService start(Class<?> application, String service, String... extraArgs) {
    AwsEmulator aws = TestEnvironment.aws();
    LocalProvisioning.provision(aws.clients(), LOCAL_ENV);
    TestPostgres postgres = TestEnvironment.postgres();
    if (DataSchema.load().postgres().containsKey(service)) {
      postgres.recreateDatabase(service);
    }
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
    args.addAll(List.of(extraArgs));
    var context =
        new SpringApplicationBuilder(application)
            .profiles("local")
            .run(args.toArray(String[]::new));
    return new StandaloneService(service, context);
  }

  public WebTestClient web() {
    return web;
  }

  /**
   * Ready, its metrics tagged with its name (including {@code meters} when given), and an OpenAPI
   * document that lists {@code apiPaths}.
   */
  public void assertStartsAlone(List<String> meters, String... apiPaths) {
    web.get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
    web.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            text -> {
              assertThat(text).contains("application=\"" + service + "\"");
              meters.forEach(meter -> assertThat(text).contains(meter));
            });
    var docs =
        web.get()
            .uri("/api/" + service + "/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.openapi")
            .exists();
    for (String path : apiPaths) {
      docs.jsonPath("$.paths['" + path + "']").exists();
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
