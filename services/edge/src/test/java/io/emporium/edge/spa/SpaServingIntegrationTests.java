package io.emporium.edge.spa;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.emporium.edge.EdgeTestIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The edge serving a built SPA from a directory, in front of a real upstream catalog. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpaServingIntegrationTests {

  private static final String INDEX = "<!doctype html><title>Emporium</title><div id=root></div>";
  private static final Path DIST = dist();
  private static final HttpServer CATALOG = catalog();

  @Autowired WebTestClient http;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EdgeTestIdentity.register(registry);
    registry.add("emporium.edge.spa.directory", DIST::toString);
    registry.add("emporium.edge.spa.connect-sources", () -> "http://127.0.0.1:4566/");
    registry.add(
        "emporium.edge.services.catalog",
        () -> "http://127.0.0.1:" + CATALOG.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    CATALOG.stop(0);
  }

  @Test
  void servesIndexHtmlAtTheRootRevalidatedOnEveryLoad() {
    http.get()
        .uri("/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectHeader()
        .cacheControl(org.springframework.http.CacheControl.noCache())
        .expectBody(String.class)
        .isEqualTo(INDEX);
  }

  @Test
  void answersAClientSideRouteWithIndexHtmlSoADeepLinkReloads() {
    for (String route : new String[] {"/orders/0193a1b2-c3d4", "/search", "/products/KIT-01001"}) {
      http.get()
          .uri(route)
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueEquals("Cache-Control", "no-cache")
          .expectBody(String.class)
          .isEqualTo(INDEX);
    }
  }

  @Test
  void cachesHashedAssetsForAYear() {
    http.get()
        .uri("/assets/index-Dw8gz2Y7.js")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("Cache-Control", "max-age=31536000, public, immutable")
        .expectHeader()
        .contentTypeCompatibleWith("text/javascript")
        .expectBody(String.class)
        .isEqualTo("console.log('shop');");
  }

  @Test
  void revalidatesOtherFilesAndAnswers304WhenUnchanged() {
    String etag =
        http.get()
            .uri("/favicon.svg")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType("image/svg+xml")
            .expectHeader()
            .valueEquals("Cache-Control", "no-cache")
            .returnResult(String.class)
            .getResponseHeaders()
            .getETag();
    assertThat(etag).isNotBlank();
    http.get()
        .uri("/favicon.svg")
        .header("If-None-Match", etag)
        .exchange()
        .expectStatus()
        .isNotModified();
  }

  @Test
  void answers404ForAMissingFileRatherThanTheIndex() {
    http.get().uri("/assets/index-gone.js").exchange().expectStatus().isNotFound();
    http.get().uri("/assets/chunk").exchange().expectStatus().isNotFound();
    http.get().uri("/robots.txt").exchange().expectStatus().isNotFound();
  }

  @Test
  void sendsAContentSecurityPolicyThatAllowsCognitoAndNothingElseForeign() {
    http.get()
        .uri("/orders/1")
        .exchange()
        .expectHeader()
        .value(
            "Content-Security-Policy",
            csp ->
                assertThat(csp)
                    .contains("default-src 'self'")
                    .contains("script-src 'self';")
                    .contains("connect-src 'self' http://127.0.0.1:4566;")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe"))
        .expectHeader()
        .valueEquals("X-Content-Type-Options", "nosniff")
        .expectHeader()
        .valueEquals("X-Frame-Options", "DENY");
  }

  @Test
  void leavesTheApiTheActuatorAndConfigJsonAlone() {
    http.get()
        .uri("/api/catalog/products")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("catalog GET /api/catalog/products");
    http.get()
        .uri("/api/nowhere/orders/1")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).doesNotContain("<div id=root>"));
    http.get()
        .uri("/config.json")
        .exchange()
        .expectBody(String.class)
        .value(body -> assertThat(body).doesNotContain("<div id=root>"));
  }

  @Test
  void neverReadsOutsideTheDirectory() throws Exception {
    Files.writeString(DIST.getParent().resolve("secret.txt"), "secret");
    HttpClient client = HttpClient.newHttpClient();
    for (String path :
        new String[] {
          "/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt"
        }) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).as(path).doesNotContain("secret");
    }
  }

  @Test
  void answersHeadLikeGetWithoutABody() {
    http.head()
        .uri("/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentLength(INDEX.getBytes(StandardCharsets.UTF_8).length);
  }

  private static Path dist() {
    try {
      Path root = Files.createTempDirectory("edge-spa").resolve("dist");
      Files.createDirectories(root.resolve("assets"));
      Files.writeString(root.resolve("index.html"), INDEX);
      Files.writeString(root.resolve("assets/index-Dw8gz2Y7.js"), "console.log('shop');");
      Files.writeString(root.resolve("favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpServer catalog() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            byte[] bytes =
                ("catalog " + exchange.getRequestMethod() + " " + exchange.getRequestURI())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
