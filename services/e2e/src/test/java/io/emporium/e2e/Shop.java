package io.emporium.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.launcher.LocalStack;
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

/** A shopper's and an admin's view of the running shop, through the edge. */
final class Shop {

  /** How long a checkout may take to reach its outcome on this machine (a bound, not a target). */
  static final Duration OUTCOME_WITHIN = Duration.ofSeconds(90);

  static final String APPROVED_CARD = "tok_4242424242424242";
  static final String DECLINED_CARD = "tok_4000000000000002";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NEXT_PRODUCT = new AtomicInteger();

  private final LocalStack stack;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Shop(LocalStack stack) {
    this.stack = stack;
  }

  LocalStack stack() {
    return stack;
  }

  static String newCustomer() {
    return "e2e-" + UUID.randomUUID().toString().substring(0, 13);
  }

  static String emailOf(String customer) {
    return customer + "@example.com";
  }

  /**
   * A seeded product no other test uses in this JVM, with its stock set to {@code onHand} (nothing
   * reserved), so tests never share stock.
   */
  String productWithStock(int onHand) {
    int index = NEXT_PRODUCT.getAndIncrement();
    JsonNode page = get(null, "/api/catalog/products?sort=name&size=1&page=" + index).json();
    String sku = page.get("items").get(0).get("sku").asText();
    Reply reply =
        put("admin", "/api/catalog/admin/products/" + sku + "/stock", Map.of("onHand", onHand));
    reply.expect(200);
    return sku;
  }

  JsonNode stock(String sku) {
    return get(null, "/api/catalog/products/" + sku).expect(200).json().get("stock");
  }

  Reply addToCart(String customer, String sku, int quantity) {
    return post(customer, "/api/cart/items", Map.of("sku", sku, "quantity", quantity), Map.of());
  }

  JsonNode cart(String customer) {
    return get(customer, "/api/cart").expect(200).json();
  }

  Reply checkout(String customer, String idempotencyKey, String paymentToken) {
    return post(
        customer,
        "/api/cart/checkout",
        Map.of(
            "email", emailOf(customer),
            "shippingAddress",
                Map.of(
                    "name", "Ada Lovelace",
                    "line1", "12 Analytical Row",
                    "city", "London",
                    "postalCode", "N1 9GU",
                    "country", "GB"),
            "paymentMethodToken", paymentToken),
        Map.of("Idempotency-Key", idempotencyKey));
  }

  /** Adds {@code quantity} of {@code sku} and checks out; returns the checkout id. */
  String buy(String customer, String sku, int quantity, String paymentToken) {
    addToCart(customer, sku, quantity).expect(200, 201);
    return checkout(customer, UUID.randomUUID().toString(), paymentToken)
        .expect(202)
        .json()
        .get("checkoutId")
        .asText();
  }

  List<JsonNode> ordersOfCheckout(String customer, String checkoutId) {
    JsonNode page = get(customer, "/api/order/orders?checkoutId=" + checkoutId).expect(200).json();
    return List.copyOf(JsonList.of(page.get("items")));
  }

  /** The checkout's order once {@code condition} holds, within {@link #OUTCOME_WITHIN}. */
  JsonNode awaitOrder(String customer, String checkoutId, Predicate<JsonNode> condition) {
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

  JsonNode awaitOutcome(String customer, String checkoutId) {
    return awaitOrder(customer, checkoutId, Shop::isFinal);
  }

  static boolean isFinal(JsonNode order) {
    String status = order.get("status").asText();
    return status.equals("CONFIRMED") || status.equals("CANCELLED");
  }

  Reply payment(String customer, String orderId) {
    return get(customer, "/api/payment/payments?orderId=" + orderId);
  }

  List<JsonNode> notifications(String customer) {
    return JsonList.of(
        get(customer, "/api/notification/notifications?size=50").expect(200).json().get("items"));
  }

  /** moto's record of everything it emulates, including the emails SES sent. */
  String emulatorState() {
    return send(HttpRequest.newBuilder(stack.awsEndpoint().resolve("/moto-api/data.json")).GET())
        .body();
  }

  Reply get(String customer, String path) {
    return send(request(customer, path).GET());
  }

  Reply post(String customer, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(customer, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    headers.forEach(request::header);
    return send(request);
  }

  Reply put(String customer, String path, Object body) {
    return send(
        request(customer, path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** A raw request, for malformed input. */
  Reply send(String customer, String method, String path, String contentType, String body) {
    return send(customer, method, path, contentType, body, null);
  }

  /** A raw request with an Idempotency-Key (when not null). */
  Reply send(
      String customer,
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
  Reply sendBytes(String customer, String path, byte[] bytes, boolean chunked) {
    HttpRequest.BodyPublisher body =
        chunked
            ? HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArray(bytes))
            : HttpRequest.BodyPublishers.ofByteArray(bytes);
    return send(request(customer, path).header("Content-Type", "application/json").POST(body));
  }

  private HttpRequest.Builder request(String customer, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.edgeUrl() + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json, application/problem+json");
    if (customer != null) {
      request.header("X-Customer-Id", customer);
    }
    return request;
  }

  private Reply send(HttpRequest.Builder request) {
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
