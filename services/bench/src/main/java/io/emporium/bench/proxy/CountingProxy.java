package io.emporium.bench.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * An HTTP proxy on 127.0.0.1 in front of the AWS emulator that counts every request by client
 * (SigV4 access key) and API, and, while {@link #capture} is on, keeps whole exchanges (for
 * capacity units and for replaying the shop's own requests straight to the emulator).
 */
public final class CountingProxy implements AutoCloseable {

  private static final List<String> KEPT_HEADERS =
      List.of("X-Amz-Target", "Content-Type", "Authorization");

  private final URI target;
  private final HttpClient client;
  private final ConnectionProvider connections;
  private final DisposableServer server;
  private final Map<AwsCall, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile Predicate<AwsCall> capturing;
  private final List<Exchange> captured = new ArrayList<>();

  private CountingProxy(URI target) {
    this.target = target;
    this.connections = ConnectionProvider.builder("bench-proxy").maxConnections(256).build();
    this.client = HttpClient.create(connections).disableRetry(true);
    this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::forward).bindNow();
  }

  /** Starts a proxy to {@code target} on a free loopback port. */
  public static CountingProxy start(URI target) {
    return new CountingProxy(target);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  public CallCounts snapshot() {
    Map<AwsCall, Long> now = new HashMap<>();
    counts.forEach((call, n) -> now.put(call, n.sum()));
    return new CallCounts(now);
  }

  /** Keeps every exchange {@code which} selects until {@link #stopCapture()}. */
  public void capture(Predicate<AwsCall> which) {
    synchronized (captured) {
      captured.clear();
    }
    capturing = which;
  }

  public List<Exchange> stopCapture() {
    capturing = null;
    synchronized (captured) {
      List<Exchange> all = List.copyOf(captured);
      captured.clear();
      return all;
    }
  }

  private Mono<Void> forward(HttpServerRequest request, HttpServerResponse response) {
    long arrived = System.nanoTime();
    HttpHeaders headers = request.requestHeaders().copy();
    return request
        .receive()
        .aggregate()
        .asByteArray()
        .defaultIfEmpty(new byte[0])
        .flatMap(
            body -> {
              AwsCall call =
                  AwsCall.of(
                      headers.get(HttpHeaderNames.AUTHORIZATION),
                      headers.get("X-Amz-Target"),
                      request.method().name(),
                      request.uri(),
                      body);
              counts.computeIfAbsent(call, c -> new LongAdder()).increment();
              return send(request, headers, body)
                  .flatMap(
                      answer -> {
                        keep(call, request.uri(), headers, body, answer, arrived);
                        answer.headers().forEach(h -> response.header(h.getKey(), h.getValue()));
                        return response
                            .status(answer.status())
                            .sendByteArray(Mono.just(answer.body()))
                            .then();
                      });
            });
  }

  private record Answer(int status, HttpHeaders headers, byte[] body) {}

  private Mono<Answer> send(HttpServerRequest request, HttpHeaders headers, byte[] body) {
    HttpHeaders forwarded = headers.copy();
    forwarded.remove(HttpHeaderNames.HOST);
    forwarded.remove(HttpHeaderNames.CONTENT_LENGTH);
    forwarded.remove(HttpHeaderNames.TRANSFER_ENCODING);
    forwarded.remove(HttpHeaderNames.CONNECTION);
    return client
        .headers(h -> h.set(forwarded))
        .request(request.method())
        .uri(target.resolve(request.uri()).toString())
        .send(ByteBufFlux.fromInbound(Mono.just(body)))
        .responseSingle(
            (r, content) ->
                content
                    .asByteArray()
                    .defaultIfEmpty(new byte[0])
                    .map(
                        b -> new Answer(r.status().code(), answerHeaders(r.responseHeaders()), b)));
  }

  private static HttpHeaders answerHeaders(HttpHeaders headers) {
    HttpHeaders copy = headers.copy();
    copy.remove(HttpHeaderNames.CONTENT_LENGTH);
    copy.remove(HttpHeaderNames.TRANSFER_ENCODING);
    copy.remove(HttpHeaderNames.CONNECTION);
    return copy;
  }

  private void keep(
      AwsCall call, String path, HttpHeaders headers, byte[] body, Answer answer, long arrived) {
    Predicate<AwsCall> which = capturing;
    if (which == null || !which.test(call)) {
      return;
    }
    Map<String, String> kept = new HashMap<>();
    KEPT_HEADERS.forEach(
        name -> {
          String value = headers.get(name);
          if (value != null) {
            kept.put(name, value);
          }
        });
    synchronized (captured) {
      captured.add(new Exchange(call, path, kept, body, answer.status(), answer.body(), arrived));
    }
  }

  @Override
  public void close() {
    // Thrown away with the run: no need to wait for its clients to hang up (3 s by default).
    server.disposeNow(java.time.Duration.ofMillis(300));
    connections.dispose();
  }
}
