package io.emporium.cart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake catalog upstream (not an AWS or database mock): serves {@code GET
 * /api/catalog/products/{sku}} (404 for unknown skus) and {@code GET
 * /api/catalog/products?sku=…&sku=…} (the known ones) from an in-memory map on a free port, 503
 * while {@link #down} is set.
 */
public final class StubCatalog implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, String> products = new ConcurrentHashMap<>();
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger requests = new AtomicInteger();

  private StubCatalog(HttpServer server) {
    this.server = server;
  }

  public static StubCatalog start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      StubCatalog stub = new StubCatalog(server);
      server.createContext("/api/catalog/products", stub::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return stub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Started serving the products the cart's tests add: MUG-1 (Mug, 12.50 EUR), TEE-2 (T-shirt,
   * 20.00 EUR), 10 of each available, and BULK-1 (Screws, 0.05 EUR, 1000 available).
   */
  public static StubCatalog withSampleProducts() {
    StubCatalog stub = start();
    stub.product("MUG-1", "Mug", 1250);
    stub.product("TEE-2", "T-shirt", 2000);
    stub.product("BULK-1", "Screws", 5, 1000);
    return stub;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves {@code sku} at {@code amountMinor} EUR, 10 available. */
  public void product(String sku, String name, long amountMinor) {
    product(sku, name, amountMinor, 10);
  }

  /** Serves {@code sku} at {@code amountMinor} EUR with {@code available} units to sell. */
  public void product(String sku, String name, long amountMinor, int available) {
    products.put(
        sku,
        """
        {"sku":"%s","name":"%s","description":"d","category":"c",
         "price":{"amountMinor":%d,"currency":"EUR"},"imageUrl":"/api/catalog/images/%s.svg",
         "attributes":{},"stock":{"onHand":%d,"reserved":0,"available":%d}}"""
            .formatted(sku, name, amountMinor, sku, available, available));
  }

  public void remove(String sku) {
    products.remove(sku);
  }

  public void down(boolean value) {
    down.set(value);
  }

  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String path = exchange.getRequestURI().getPath();
    String body =
        path.equals("/api/catalog/products")
            ? page(exchange.getRequestURI().getRawQuery())
            : products.get(path.substring("/api/catalog/products/".length()));
    int status = down.get() ? 503 : body == null ? 404 : 200;
    byte[] bytes =
        (status == 200 ? body : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String page(String query) {
    List<String> items = new ArrayList<>();
    for (String parameter : query == null ? new String[0] : query.split("&")) {
      if (parameter.startsWith("sku=")) {
        String sku = URLDecoder.decode(parameter.substring(4), StandardCharsets.UTF_8);
        if (products.containsKey(sku)) {
          items.add(products.get(sku));
        }
      }
    }
    return "{\"items\":[" + String.join(",", items) + "],\"page\":0}";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
