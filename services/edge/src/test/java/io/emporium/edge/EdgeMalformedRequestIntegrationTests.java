package io.emporium.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests the HTTP layer refuses before any route sees them (a broken percent escape, a request
 * line or header over Netty's limits) are answered as problems, like every other refusal: sent on a
 * raw socket, since no HTTP client builds them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeMalformedRequestIntegrationTests {

  private static final HttpServer CATALOG = upstream();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add(
        "emporium.edge.services.catalog",
        () -> "http://127.0.0.1:" + CATALOG.getAddress().getPort());
    EdgeTestIdentity.register(registry);
  }

  @AfterAll
  static void stopUpstream() {
    CATALOG.stop(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%zz", "%", "%4", "a%zzb"})
  void aBrokenPercentEscapeInThePathIsAProblem400(String segment) throws IOException {
    String answer = send("GET /api/catalog/products/" + segment + " HTTP/1.1\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400 ").contains("application/problem+json");
    assertThat(answer).contains("\"status\":400").contains("\"field\":\"path\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%25", "..%2F..%2Fetc", "%2e%2e", "a%00b", "line%0Abreak"})
  void anEncodedPathTheServiceMayRefuseIsRelayedOrAProblem(String segment) throws IOException {
    String answer = send("GET /api/catalog/products/" + segment + " HTTP/1.1\r\n");

    assertThat(answer)
        .satisfiesAnyOf(
            a -> assertThat(a).startsWith("HTTP/1.1 200 ").contains("catalog GET"),
            a -> assertThat(a).startsWith("HTTP/1.1 400 ").contains("application/problem+json"));
  }

  @Test
  void aBrokenPercentEscapeInTheQueryIsAProblem400() throws IOException {
    String answer = send("GET /api/catalog/products?page=%zz HTTP/1.1\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400 ").contains("application/problem+json");
  }

  @Test
  void aRequestLineOverTheLimitIsAProblem414() throws IOException {
    String answer = send("GET /api/catalog/products/" + "x".repeat(9000) + " HTTP/1.1\r\n");

    assertThat(answer).startsWith("HTTP/1.1 414 ").contains("application/problem+json");
    assertThat(answer).contains("\"status\":414");
  }

  @Test
  void headersOverTheLimitAreAProblem431() throws IOException {
    String answer =
        send("GET /api/catalog/products HTTP/1.1\r\nIf-Match: " + "x".repeat(20_000) + "\r\n");

    assertThat(answer).startsWith("HTTP/1.1 431 ").contains("application/problem+json");
    assertThat(answer).contains("\"status\":431");
  }

  @Test
  void aWellFormedRequestStillReachesTheService() throws IOException {
    assertThat(send("GET /api/catalog/products/caf%C3%A9 HTTP/1.1\r\n"))
        .startsWith("HTTP/1.1 200 ")
        .contains("catalog GET");
  }

  private String send(String requestLineAndHeaders) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLineAndHeaders + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static HttpServer upstream() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            byte[] bytes = ("catalog GET " + exchange.getRequestURI()).getBytes();
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
}
