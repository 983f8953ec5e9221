package io.emporium.chaos.proxy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP proxy on loopback in front of the AWS emulator: the services are given its address as
 * their AWS endpoint, and it passes every call on, unless {@link AwsFaults} says otherwise. Killing
 * or restarting the emulator would lose its queues and messages; a proxy can make the endpoint
 * vanish, fail and misdeliver while the emulator keeps its state.
 *
 * <p>The Host header is forwarded as the client sent it (moto builds queue URLs from it), which
 * needs {@code -Djdk.httpclient.allowRestrictedHeaders=host}.
 */
public final class FaultProxy implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "content-length",
          "transfer-encoding",
          "expect",
          "upgrade",
          "keep-alive",
          "te",
          "trailer",
          "proxy-connection");

  /** Long enough for SQS long polls (20 s). */
  private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(60);

  private final URI target;
  private final AwsFaults faults;
  private final DeliveryTamper tamper;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient upstream;

  private FaultProxy(URI target, AwsFaults faults, int port) throws IOException {
    if (!"host".equalsIgnoreCase(System.getProperty("jdk.httpclient.allowRestrictedHeaders"))) {
      throw new IllegalStateException(
          "start the JVM with -Djdk.httpclient.allowRestrictedHeaders=host (the proxy forwards"
              + " the Host header the client signed)");
    }
    this.target = target;
    this.faults = faults;
    this.tamper = new DeliveryTamper(target, faults);
    this.upstream =
        HttpClient.newBuilder()
            .executor(threads)
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Starts a proxy on {@code port} that forwards to {@code target}. */
  public static FaultProxy start(URI target, AwsFaults faults, int port) {
    try {
      return new FaultProxy(target, faults, port);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fault proxy on port " + port, e);
    }
  }

  /** Where clients reach it. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    Instant started = Instant.now();
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean ours = exchange.getRequestURI().getPath().startsWith("/moto-api");
      if (!ours && faults.outage()) {
        cut();
        return;
      }
      Headers headers = exchange.getRequestHeaders();
      String contentType = headers.getFirst("Content-Type");
      String operation = headers.getFirst("X-Amz-Target");
      AwsError error = ours ? null : faults.drawError();
      if (error != null && !error.afterForwarding) {
        answer(exchange, error.response(contentType, operation));
        return;
      }
      HttpResponse<byte[]> response = forward(exchange, body);
      if (!ours && faults.outageBegunSince(started)) {
        cut();
        return;
      }
      if (error != null) {
        answer(exchange, error.response(contentType, operation));
        return;
      }
      byte[] answer = response.body();
      if ("AmazonSQS.ReceiveMessage".equals(operation) && response.statusCode() == 200) {
        answer = tamper.received(body, answer);
      }
      copyHeaders(response.headers().map(), exchange.getResponseHeaders());
      send(exchange, response.statusCode(), answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.debug("proxying {} failed: {}", exchange.getRequestURI(), e.toString());
      throw e;
    }
  }

  /**
   * Holds the call until the outage ends, then drops the connection without an answer: the caller
   * sees what a lost network shows, a timeout or a cut connection. (Closing an exchange that sent
   * no headers closes its connection.)
   */
  private void cut() throws InterruptedException {
    faults.countHeld();
    Duration left = Duration.between(Instant.now(), faults.outageEnds());
    if (left.isPositive()) {
      Thread.sleep(left);
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body)
      throws IOException, InterruptedException {
    URI uri = target.resolve(exchange.getRequestURI().toString());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(UPSTREAM_TIMEOUT)
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
              }
            });
    return upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void copyHeaders(Map<String, List<String>> from, Headers to) {
    from.forEach(
        (name, values) -> {
          if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase())) {
            to.put(name, values);
          }
        });
  }

  private static void answer(HttpExchange exchange, AwsError.Response error) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", error.contentType());
    exchange.getResponseHeaders().set("x-amzn-ErrorType", error.errorType());
    exchange.getResponseHeaders().set("x-amzn-RequestId", "chaos");
    send(exchange, error.status(), error.body().getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    tamper.close();
    threads.shutdownNow();
  }
}
