package io.emporium.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The edge's abuse limits with small buckets: a burst of cart writes or checkouts from one address
 * gets 429 problem+json with Retry-After before reaching the cart; reads are never limited. (Per
 * customer, with real Cognito tokens: the end-to-end suite.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "emporium.edge.limits.cart-writes.per-ip.capacity=3",
      "emporium.edge.limits.cart-writes.per-ip.period=1h",
      "emporium.edge.limits.checkouts.per-ip.capacity=2",
      "emporium.edge.limits.checkouts.per-ip.period=1h"
    })
class EdgeRateLimitIntegrationTests {

  private static final HttpServer CART = upstream();

  @Autowired WebTestClient http;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add(
        "emporium.edge.services.cart", () -> "http://127.0.0.1:" + CART.getAddress().getPort());
    EdgeTestIdentity.register(registry);
  }

  @AfterAll
  static void stop() {
    CART.stop(0);
  }

  @Test
  void aBurstOfCartWritesFromOneAddressIsLimitedWithRetryAfterReadsNever() {
    for (int i = 0; i < 3; i++) {
      write("/api/cart/items").expectStatus().isOk();
    }

    write("/api/cart/items")
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value("Retry-After", after -> assertThat(Long.parseLong(after)).isPositive())
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://emporium.io/problems/too-many-requests")
        .jsonPath("$.status")
        .isEqualTo(429)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).startsWith("Too many cart changes"));
    http.delete().uri("/api/cart/items/A-1").exchange().expectStatus().isEqualTo(429);
    for (int i = 0; i < 20; i++) {
      http.get().uri("/api/cart").exchange().expectStatus().isOk();
    }
  }

  @Test
  void checkoutsHaveTheirOwnBucketAndAnInvalidTokenBuysNoFreshOne() {
    for (int i = 0; i < 2; i++) {
      checkout("Bearer not-a-token-" + i).expectStatus().isOk();
    }

    checkout("Bearer yet-another-" + System.nanoTime())
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists("Retry-After");
    assertThat(CART_CHECKOUTS[0]).isEqualTo(2);
  }

  @Test
  void withoutItsIdentitySettingsTheEdgeDoesNotStart() {
    assertThatThrownBy(
            () -> new SpringApplicationBuilder(EdgeApplication.class).run("--server.port=0"))
        .rootCause()
        .hasMessageContaining("EMPORIUM_IDENTITY_USER_POOL_ID");
  }

  private WebTestClient.ResponseSpec write(String path) {
    return http.post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"sku\":\"A-1\",\"quantity\":1}")
        .exchange();
  }

  private WebTestClient.ResponseSpec checkout(String authorization) {
    return http.post()
        .uri("/api/cart/checkout")
        .header("Authorization", authorization)
        .header("Idempotency-Key", "k")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange();
  }

  private static final int[] CART_CHECKOUTS = {0};

  /** A cart that answers 200 to everything and counts the checkouts that reached it. */
  private static HttpServer upstream() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/api/cart/checkout")) {
              synchronized (CART_CHECKOUTS) {
                CART_CHECKOUTS[0]++;
              }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
