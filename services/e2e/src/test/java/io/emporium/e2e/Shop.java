package io.emporium.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.launcher.LocalShop;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A shopper's and an admin's view of the running shop, through the edge, signed in to the stack's
 * user pool (the platform's {@link TestUsers}, as every service's tests).
 */
final class Shop {

  /** How long a checkout may take to reach its outcome on this machine (a bound, not a target). */
  static final Duration OUTCOME_WITHIN = Duration.ofSeconds(180);

  static final String APPROVED_CARD = "tok_4242424242424242";
  static final String DECLINED_CARD = "tok_4000000000000002";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NEXT_PRODUCT = new AtomicInteger();

  private final LocalShop stack;
  private final TestUsers users;
  private final TestUser admin;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Shop(LocalShop stack, TestUsers users, TestUser admin) {
    this.stack = stack;
    this.users = users;
    this.admin = admin;
  }

  LocalShop stack() {
    return stack;
  }

  TestUsers users() {
    return users;
  }

  /** A new shopper, signed in. */
  TestUser newCustomer() {
    return users.newShopper();
  }

  /** A member of the admins group, signed in. */
  TestUser admin() {
    return admin;
  }

  /**
   * A seeded product no other test uses in this JVM, with its stock set to {@code onHand} (nothing
   * reserved), so tests never share stock.
   */
  String productWithStock(int onHand) {
    int index = NEXT_PRODUCT.getAndIncrement();
    JsonNode page = get(null, "/api/catalog/products?sort=name&size=1&page=" + index).json();
    String sku = page.get("items").get(0).get("sku").asText();
    setStock(sku, onHand);
    return sku;
  }

  /** The admin sets {@code sku}'s on-hand stock. */
  void setStock(String sku, int onHand) {
    put(admin, "/api/catalog/admin/products/" + sku + "/stock", Map.of("onHand", onHand))
        .expect(200);
  }

  JsonNode stock(String sku) {
    return get(null, "/api/catalog/products/" + sku).expect(200).json().get("stock");
  }

  Reply addToCart(TestUser customer, String sku, int quantity) {
    return post(customer, "/api/cart/items", Map.of("sku", sku, "quantity", quantity), Map.of());
  }

  JsonNode cart(TestUser customer) {
    return get(customer, "/api/cart").expect(200).json();
  }

  /**
   * The cart hears its order's outcome after the order service decides it: until then it stays
   * CHECKED_OUT and refuses changes with 409.
   */
  JsonNode awaitCartOpen(TestUser customer) {
    return await()
        .atMost(OUTCOME_WITHIN)
        .until(() -> cart(customer), cart -> cart.get("status").asText().equals("OPEN"));
  }

  Reply checkout(TestUser customer, String idempotencyKey, String paymentToken) {
    return checkout(customer, idempotencyKey, paymentToken, null);
  }

  /** A checkout that continues the caller's trace ({@code traceparent}, W3C), if given. */
  Reply checkout(
      TestUser customer, String idempotencyKey, String paymentToken, String traceparent) {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("Idempotency-Key", idempotencyKey);
    if (traceparent != null) {
      headers.put("traceparent", traceparent);
    }
    return post(
        customer,
        "/api/cart/checkout",
        Map.of(
            "shippingAddress",
            Map.of(
                "name", "Ada Lovelace",
                "line1", "12 Analytical Row",
                "city", "London",
                "postalCode", "N1 9GU",
                "country", "GB"),
            "paymentMethodToken",
            paymentToken),
        headers);
  }

  /**
   * Adds to the cart, trying again while the cart answers 503 (it could not reach the catalog for
   * the price: on a busy machine, right after the stack started); nothing was added then.
   */
  Reply addToCartWhenCatalogAnswers(TestUser customer, String sku, int quantity) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> addToCart(customer, sku, quantity), reply -> reply.status() != 503)
        .expect(200, 201);
  }

  /** Adds {@code quantity} of {@code sku} and checks out; returns the checkout id. */
  String buy(TestUser customer, String sku, int quantity, String paymentToken) {
    addToCartWhenCatalogAnswers(customer, sku, quantity);
    return checkout(customer, UUID.randomUUID().toString(), paymentToken)
        .expect(202)
        .json()
        .get("checkoutId")
        .asText();
  }

  List<JsonNode> ordersOfCheckout(TestUser customer, String checkoutId) {
    JsonNode page = get(customer, "/api/order/orders?checkoutId=" + checkoutId).expect(200).json();
    return List.copyOf(JsonList.of(page.get("items")));
  }

  /** The checkout's order once {@code condition} holds, within {@link #OUTCOME_WITHIN}. */
  JsonNode awaitOrder(TestUser customer, String checkoutId, Predicate<JsonNode> condition) {
    return await()
        .atMost(OUTCOME_WITHIN)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              List<JsonNode> orders = ordersOfCheckout(customer, checkoutId);
              return orders.isEmpty()
                  ? null
                  : get(customer, "/api/order/orders/" + orders.get(0).get("orderId").asText())
                      .expect(200)
                      .json();
            },
            order -> order != null && condition.test(order));
  }

  JsonNode awaitOutcome(TestUser customer, String checkoutId) {
    return awaitOrder(customer, checkoutId, Shop::isFinal);
  }

  static boolean isFinal(JsonNode order) {
    String status = order.get("status").asText();
    return status.equals("CONFIRMED") || status.equals("CANCELLED");
  }

  Reply payment(TestUser customer, String orderId) {
    return get(customer, "/api/payment/payments?orderId=" + orderId);
  }

  List<JsonNode> notifications(TestUser customer) {
    return JsonList.of(
        get(customer, "/api/notification/notifications?size=50").expect(200).json().get("items"));
  }

  /** moto's record of everything it emulates, including the emails SES sent. */
  String emulatorState() {
    return send(HttpRequest.newBuilder(stack.awsEndpoint().resolve("/moto-api/data.json")).GET())
        .body();
  }

  Reply get(TestUser customer, String path) {
    return send(request(customer, path).GET());
  }

  Reply post(TestUser customer, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(customer, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    headers.forEach(request::header);
    return send(request);
  }

  Reply put(TestUser customer, String path, Object body) {
    return send(
        request(customer, path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** A request without a token, to add any headers to (e.g. another {@code Authorization}). */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(stack.edgeUrl() + path))
        .timeout(Duration.ofSeconds(20))
        .header("Accept", "application/json, application/problem+json");
  }

  /**
   * Follows the order's status stream from now until it ends (after CONFIRMED or CANCELLED): the
   * {@code data} of each {@code status} event.
   */
  List<JsonNode> statusStream(TestUser customer, String orderId) {
    HttpRequest request =
        request(customer, "/api/order/orders/" + orderId + "/events")
            .setHeader("Accept", "text/event-stream")
            .timeout(OUTCOME_WITHIN)
            .GET()
            .build();
    try {
      HttpResponse<java.util.stream.Stream<String>> response =
          http.send(request, HttpResponse.BodyHandlers.ofLines());
      if (response.statusCode() != 200) {
        throw new AssertionError("the status stream answered " + response.statusCode());
      }
      try (var lines = response.body()) {
        return lines
            .filter(line -> line.startsWith("data:"))
            .map(line -> readJson(line.substring("data:".length())))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A raw request, for malformed input. */
  Reply send(TestUser customer, String method, String path, String contentType, String body) {
    return send(customer, method, path, contentType, body, null);
  }

  /** A raw request with an Idempotency-Key (when not null). */
  Reply send(
      TestUser customer,
      String method,
      String path,
      String contentType,
      String body,
      String idempotencyKey) {
    HttpRequest.Builder request =
        request(customer, path).method(method, HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request);
  }

  /**
   * A raw body of {@code bytes}, sent with a Content-Length or, when {@code chunked}, without one
   * (chunked transfer encoding), announced with {@code Expect: 100-continue} as curl does for any
   * body over 1MB.
   */
  Reply sendBytes(TestUser customer, String path, byte[] bytes, boolean chunked) {
    HttpRequest.BodyPublisher body =
        chunked
            ? HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArray(bytes))
            : HttpRequest.BodyPublishers.ofByteArray(bytes);
    return send(
        request(customer, path)
            .expectContinue(true)
            .header("Content-Type", "application/json")
            .POST(body));
  }

  private HttpRequest.Builder request(TestUser customer, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.edgeUrl() + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json, application/problem+json");
    if (customer != null) {
      request.header("Authorization", customer.bearer());
    }
    return request;
  }

  Reply send(HttpRequest.Builder request) {
    try {
      HttpRequest built = request.build();
      HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
      return new Reply(built.method() + " " + built.uri().getPath(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response, with what was asked, for readable failures. */
  record Reply(String request, HttpResponse<String> response) {

    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String contentType() {
      return response.headers().firstValue("Content-Type").orElse("");
    }

    Reply expect(int... statuses) {
      for (int status : statuses) {
        if (status == status()) {
          return this;
        }
      }
      throw new AssertionError(
          request
              + " answered "
              + status()
              + " (expected "
              + Arrays.toString(statuses)
              + "): "
              + body());
    }

    JsonNode json() {
      try {
        return JSON.readTree(body());
      } catch (IOException e) {
        throw new AssertionError(request + " did not answer JSON: " + body(), e);
      }
    }
  }
}
