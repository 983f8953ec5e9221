package io.emporium.bench.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** HTTP to the shop (through the edge, as a browser would), non-blocking, pooled. */
public final class ShopClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConnectionProvider pool;
  private final HttpClient http;
  private final URI base;

  public ShopClient(URI base, int maxConnections) {
    this.base = base;
    this.pool =
        ConnectionProvider.builder("bench-shop")
            .maxConnections(maxConnections)
            .pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(Duration.ofSeconds(60))
            .build();
    this.http = HttpClient.create(pool).responseTimeout(Duration.ofSeconds(30));
  }

  public URI base() {
    return base;
  }

  public Mono<Reply> get(String path, Shopper shopper) {
    return send(HttpMethod.GET, path, shopper, null, Map.of());
  }

  public Mono<Reply> post(String path, Shopper shopper, Object body, Map<String, String> headers) {
    return send(HttpMethod.POST, path, shopper, body, headers);
  }

  public Mono<Reply> put(String path, Shopper shopper, Object body) {
    return send(HttpMethod.PUT, path, shopper, body, Map.of());
  }

  public Mono<Reply> delete(String path, Shopper shopper) {
    return send(HttpMethod.DELETE, path, shopper, null, Map.of());
  }

  private Mono<Reply> send(
      HttpMethod method, String path, Shopper shopper, Object body, Map<String, String> extra) {
    byte[] bytes = body == null ? null : write(body);
    return http.headers(
            h -> {
              h.set("Accept", "application/json, application/problem+json");
              if (shopper != null) {
                shopper.headers().forEach(h::set);
              }
              extra.forEach(h::set);
              if (bytes != null) {
                h.set("Content-Type", "application/json");
              }
            })
        .request(method)
        .uri(base + path)
        .send(bytes == null ? ByteBufFlux.empty() : ByteBufFlux.fromInbound(Mono.just(bytes)))
        .responseSingle(
            (response, content) ->
                content
                    .asByteArray()
                    .defaultIfEmpty(new byte[0])
                    .map(b -> new Reply(response.status().code(), b)));
  }

  private static byte[] write(Object body) {
    if (body instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
