package io.emporium.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The edge in front of two real upstream HTTP servers (catalog, cart) and one that is down (order).
 */
@AutoConfigureObservability // metrics export is off in tests by default
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeRoutingIntegrationTests {

  private static final HttpServer CATALOG = upstream("catalog");
  private static final AtomicInteger CART_REQUESTS = new AtomicInteger();
  private static final HttpServer CART = upstream("cart");
  private static final int DOWN_PORT = closedPort();

  @Autowired WebTestClient http;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("emporium.edge.services.catalog", () -> url(CATALOG.getAddress().getPort()));
    registry.add("emporium.edge.services.cart", () -> url(CART.getAddress().getPort()));
    registry.add("emporium.edge.services.order", () -> url(DOWN_PORT));
    registry.add("emporium.edge.max-body-size", () -> "64KB");
    EdgeTestIdentity.register(registry);
  }

  @AfterAll
  static void stopUpstreams() {
    CATALOG.stop(0);
    CART.stop(0);
  }

  @Test
  void routesEachServicePrefixToItsServiceWithThePathUnchanged() {
    http.get()
        .uri("/api/catalog/products?q=lamp")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).startsWith("catalog GET /api/catalog/products?q=lamp"));
    http.post()
        .uri("/api/cart/items")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"sku\":\"A-1\",\"quantity\":2}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            body ->
                assertThat(body)
                    .startsWith("cart POST /api/cart/items")
                    .endsWith("body={\"sku\":\"A-1\",\"quantity\":2}"));
  }

  @Test
  void dropsAnXCustomerIdHeaderAndPassesTheAccessTokenOn() {
    http.get()
        .uri("/api/cart")
        .header("X-Customer-Id", "c-42")
        .header("Authorization", "Bearer abc.def.ghi")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            body ->
                assertThat(body)
                    .contains("customer=null")
                    .contains("authorization=Bearer abc.def.ghi"));
  }

  @Test
  void servesTheUserPoolTheSpaSignsInTo() {
    http.get()
        .uri("/config.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody()
        .json(
            """
            {"region": "us-east-1", "userPoolId": "us-east-1_edgetest",
             "clientId": "edge-test-client", "cognitoEndpoint": "http://127.0.0.1:9"}""",
            true);
  }

  @Test
  void answersProblem503NamingTheServiceWhenItIsDown() {
    http.get()
        .uri("/api/order/orders")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(503)
        .jsonPath("$.service")
        .isEqualTo("order")
        .jsonPath("$.detail")
        .isEqualTo("order is not reachable")
        .jsonPath("$.instance")
        .isEqualTo("/api/order/orders");
  }

  @Test
  void answersProblem404ForAPathNoServiceOwns() {
    http.get()
        .uri("/api/nowhere/x")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(404);
  }

  @Test
  void refusesADeclaredBodyOverItsLimitWithItsOwn413WithoutForwardingIt() {
    int before = CART_REQUESTS.get();
    http.post()
        .uri("/api/cart/items")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("x".repeat(65 * 1024))
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(413)
        .jsonPath("$.detail")
        .isEqualTo("Request body exceeds the edge's limit of 65536 bytes");
    assertThat(CART_REQUESTS.get()).isEqualTo(before);
  }

  @Test
  void refusesAChunkedBodyOverItsLimitWithItsOwn413() {
    Flux<DataBuffer> chunks =
        Flux.range(0, 20)
            .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[8 * 1024]));
    http.post()
        .uri("/api/cart/items")
        .contentType(MediaType.APPLICATION_JSON)
        .body(chunks, DataBuffer.class)
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Request body exceeds the edge's limit of 65536 bytes");
  }

  @Test
  void forwardsABodyWithinItsLimit() {
    String body = "y".repeat(60 * 1024);
    http.post()
        .uri("/api/cart/items")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(answer -> assertThat(answer).endsWith("body=" + body));
  }

  @Test
  void exposesReadinessAndPrometheus() {
    http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    http.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(metrics -> assertThat(metrics).contains("application=\"edge\""));
  }

  /**
   * Answers "<name> <method> <path?query> customer=<X-Customer-Id> authorization=<Authorization>
   * body=<body>".
   */
  private static HttpServer upstream(String name) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            if (name.equals("cart")) {
              CART_REQUESTS.incrementAndGet();
            }
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer =
                "%s %s %s customer=%s authorization=%s body=%s"
                    .formatted(
                        name,
                        exchange.getRequestMethod(),
                        exchange.getRequestURI(),
                        exchange.getRequestHeaders().getFirst("X-Customer-Id"),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        body);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String url(int port) {
    return "http://127.0.0.1:" + port;
  }
}
