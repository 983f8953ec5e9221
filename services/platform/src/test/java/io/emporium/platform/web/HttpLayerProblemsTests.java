package io.emporium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the HTTP layer refuses before any handler runs (a broken percent escape, a request line or
 * headers over Netty's limits) is a problem too: sent on a raw socket, since no client builds such
 * requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpLayerProblemsTests {

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"%zz", "%", "a%4"})
  void aBrokenEscapeInThePathIsAMalformedRequestNamingThePath(String segment) throws IOException {
    String answer = send("GET /input/skus/" + segment + " HTTP/1.1\r\n");

    assertThat(answer)
        .startsWith("HTTP/1.1 400 ")
        .contains("application/problem+json")
        .contains("\"type\":\"https://emporium.io/problems/malformed-request\"")
        .contains("\"field\":\"path\"");
  }

  @Test
  void aBrokenEscapeInTheQueryNamesTheQuery() throws IOException {
    assertThat(send("GET /input/search?q=%zz HTTP/1.1\r\n"))
        .startsWith("HTTP/1.1 400 ")
        .contains("\"field\":\"query\"");
  }

  @Test
  void aRequestLineOverTheLimitIsAProblem414() throws IOException {
    assertThat(send("GET /input/skus/" + "x".repeat(9000) + " HTTP/1.1\r\n"))
        .startsWith("HTTP/1.1 414 ")
        .contains("application/problem+json")
        .contains("\"status\":414");
  }

  @Test
  void headersOverTheLimitAreAProblem431() throws IOException {
    assertThat(send("GET /input/skus/A HTTP/1.1\r\nX-Big: " + "x".repeat(20_000) + "\r\n"))
        .startsWith("HTTP/1.1 431 ")
        .contains("application/problem+json")
        .contains("\"status\":431");
  }

  @Test
  void aHeadRequestGetsNoBody() throws IOException {
    String answer = send("HEAD /input/skus/%zz HTTP/1.1\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\n");
  }

  private String send(String requestLineAndHeaders) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLineAndHeaders + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
