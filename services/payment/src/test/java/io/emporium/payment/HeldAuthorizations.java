package io.emporium.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through in front of the payment provider simulator that holds every authorize request for
 * a while before passing it on — as a frozen provider (the fault suite's SIGSTOP) or a slow network
 * holds it: the caller times out and gives up, and the request still reaches the provider later and
 * authorizes. Everything else (look-ups, voids) passes at once. Its own port, 127.0.0.1.
 */
public final class HeldAuthorizations implements AutoCloseable {

  private static final List<String> FORWARDED =
      List.of("Authorization", "Idempotency-Key", "Content-Type", "Accept");

  private final URI provider;
  private final Duration hold;
  private final HttpClient http = HttpClient.newBuilder().build();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger landed = new AtomicInteger();
  private final HttpServer server;

  private HeldAuthorizations(URI provider, Duration hold) throws IOException {
    this.provider = provider;
    this.hold = hold;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** In front of {@code provider} (its root URL), holding authorize requests for {@code hold}. */
  public static HeldAuthorizations inFrontOf(URI provider, Duration hold) {
    try {
      return new HeldAuthorizations(provider, hold);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Its root URL (the provider's API is under {@code /api/psp/v1}, as on the provider). */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Authorize requests received (being held or passed on). */
  public int authorizationsReceived() {
    return received.get();
  }

  /** Authorize requests the provider has answered (whether the caller still listened or not). */
  public int authorizationsLanded() {
    return landed.get();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      boolean authorize = "POST".equals(method) && uri.getRawPath().endsWith("/authorizations");
      if (authorize) {
        received.incrementAndGet();
        Thread.sleep(hold);
      }
      var request =
          HttpRequest.newBuilder(
                  provider.resolve(
                      uri.getRawPath()
                          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
              .timeout(Duration.ofSeconds(30))
              .method(
                  method,
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      for (String name : FORWARDED) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
          request.header(name, value);
        }
      }
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (authorize) {
        landed.incrementAndGet();
      }
      response
          .headers()
          .firstValue("Content-Type")
          .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
      byte[] answer = response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    } catch (IOException e) {
      // The caller gave up: what reached the provider stays done there, as it would.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    http.close();
  }
}
