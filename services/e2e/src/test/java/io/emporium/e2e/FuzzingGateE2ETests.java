package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.testing.TestUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fuzzing gate: every operation of every service's OpenAPI document, sent through the edge as a
 * signed-in shopper in hostile variants ({@link FuzzMutation}, values from jqwik arbitraries in
 * {@link HostileValues}), must never answer 5xx or hang, must answer every 4xx as problem+json, and
 * must leave the shop as it was ({@link ShopSnapshot}) and every service ready.
 *
 * <p>Bounded and repeatable here: {@value #DEFAULT_TRIES} variants per operation from seed {@value
 * #DEFAULT_SEED}. A longer exploratory run: {@code ./emporium fuzz [tries] [seed|random]} ({@code
 * -Demporium.fuzz.tries}, {@code -Demporium.fuzz.seed}). The report (requests and statuses per
 * service, every finding with the seed that reproduces it) is written to {@code
 * services/e2e/target/fuzz-report.txt}.
 */
@ExtendWith(RunningShop.class)
class FuzzingGateE2ETests {

  static final int DEFAULT_TRIES = 40;
  static final long DEFAULT_SEED = 20261130L;

  private static final List<String> SERVICES =
      List.of("catalog", "cart", "order", "payment", "notification");
  private static final int MAX_FINDINGS = 50;

  @Test
  void hostileRequestsAreNeverA5xxAlwaysAProblemAndChangeNothing(Shop shop) throws IOException {
    int tries = Integer.getInteger("emporium.fuzz.tries", DEFAULT_TRIES);
    long seed = seed(System.getProperty("emporium.fuzz.seed", Long.toString(DEFAULT_SEED)));
    FuzzShoppers shoppers = new FuzzShoppers(shop);
    TestUser bystander = shop.newCustomer();
    String bystanderSku = shop.productWithStock(20);
    shop.addToCart(bystander, bystanderSku, 2).expect(200);
    List<TestUser> watched = List.copyOf(shoppers.all());
    Set<String> untouchable = new TreeSet<>(ShopSnapshot.skus(shop));
    untouchable.remove(shoppers.adminSku());
    ShopSnapshot before = ShopSnapshot.of(shop, bystander, watched, untouchable);
    RawHttp http = new RawHttp(shop.stack().edgeUrl(), 15_000);

    FuzzReport report = new FuzzReport(seed, tries);
    long started = System.nanoTime();
    JqwikSession.start();
    try {
      for (String service : SERVICES) {
        for (ApiOperations.Operation operation :
            ApiOperations.of(service, apiDocs(shop, service), shoppers.known())) {
          Random random = new Random(seed ^ operation.name().hashCode());
          Map<String, String> known = shoppers.knownFor(operation);
          for (int i = 0; i < tries && report.findings().size() < MAX_FINDINGS; i++) {
            TestUser caller = shoppers.callerFor(operation);
            var variant = FuzzMutation.of(operation, known, caller.accessToken(), random);
            report.record(service, operation, variant, http.send(variant.request()));
          }
        }
      }
    } finally {
      JqwikSession.finish();
    }
    report.took(Duration.ofNanos(System.nanoTime() - started));

    ShopSnapshot after = ShopSnapshot.of(shop, bystander, watched, untouchable);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/fuzz-report.txt"), report.text());
    System.out.println(report.text());
    assertThat(report.findings()).as("5xx, hangs and 4xx without a problem").isEmpty();
    assertThat(after).as("the shop after fuzzing").isEqualTo(before);
    assertThat(shoppers.cartsStillOpen()).as("no fuzzed cart is left locked").isTrue();
    assertThat(shoppers.orders()).as("orders of all fuzz shoppers: the owner's one").isEqualTo(1);
    assertThat(ShopSnapshot.unreadableProducts(shop))
        .as("products (the admin's fuzz included) that no longer read back")
        .isEmpty();
    for (String service : SERVICES) {
      assertThat(ready(shop, service)).as(service + " ready after fuzzing").isTrue();
    }
  }

  private static long seed(String text) {
    return text.equals("random") ? System.nanoTime() : Long.parseLong(text);
  }

  private static JsonNode apiDocs(Shop shop, String service) {
    return shop.get(null, "/api/" + service + "/api-docs").expect(200).json();
  }

  private static boolean ready(Shop shop, String service) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              shop.stack().serviceUrl(service) + "/actuator/health/readiness"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("UP");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The shoppers the fuzz acts as. One owns a confirmed order (the order, payment and notification
   * reads have something to find) and an empty cart (so no fuzzed checkout can place an order);
   * cart writers are replaced before the edge's per-customer limits would answer 429 in the
   * services' place.
   */
  static final class FuzzShoppers {

    private static final int WRITES_PER_SHOPPER = RunningShop.CART_WRITES_PER_CUSTOMER - 5;
    private static final int CHECKOUTS_PER_SHOPPER = RunningShop.CHECKOUTS_PER_CUSTOMER - 1;

    private final Shop shop;
    private final TestUser owner;
    private final String sku;
    private final String adminSku;
    private final Map<String, String> known;
    private final List<TestUser> all = new CopyOnWriteArrayList<>();
    private TestUser writer;
    private int writes;
    private TestUser checkouter;
    private int checkouts;

    FuzzShoppers(Shop shop) {
      this.shop = shop;
      this.sku = shop.productWithStock(500);
      String category =
          shop.get(null, "/api/catalog/categories").expect(200).json().get(0).get("slug").asText();
      this.adminSku = "FUZZ-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
      shop.post(
              shop.admin(),
              "/api/catalog/admin/products",
              Map.of(
                  "sku",
                  adminSku,
                  "name",
                  "Fuzz target",
                  "category",
                  category,
                  "price",
                  Map.of("amountMinor", 100, "currency", "EUR"),
                  "initialStock",
                  5),
              Map.of())
          .expect(201);
      this.owner = shop.newCustomer();
      all.add(owner);
      String checkoutId = shop.buy(owner, sku, 1, APPROVED_CARD);
      JsonNode order = shop.awaitOutcome(owner, checkoutId);
      await().atMost(Shop.OUTCOME_WITHIN).until(() -> shop.stock(sku).get("reserved").asInt() == 0);
      this.known =
          Map.ofEntries(
              Map.entry("sku", sku),
              Map.entry("orderId", order.get("orderId").asText()),
              Map.entry("checkoutId", checkoutId),
              Map.entry("category", category),
              Map.entry("q", "mug"),
              Map.entry("page", "0"),
              Map.entry("size", "10"),
              Map.entry("quantity", "1"),
              Map.entry("onHand", "5"),
              Map.entry("initialStock", "1"),
              Map.entry("amountMinor", "100"),
              Map.entry("currency", "EUR"),
              Map.entry("country", "GB"),
              Map.entry("name", "Ada Lovelace"),
              Map.entry("line1", "12 Analytical Row"),
              Map.entry("line2", "Flat 3"),
              Map.entry("city", "London"),
              Map.entry("postalCode", "N1 9GU"),
              Map.entry("paymentMethodToken", Shop.DECLINED_CARD),
              Map.entry("guestCartId", UUID.randomUUID().toString()),
              Map.entry("Idempotency-Key", UUID.randomUUID().toString()),
              Map.entry("If-Match", "*"));
    }

    Map<String, String> known() {
      return known;
    }

    /** The known values for {@code operation}: admin operations act on the admin's own product. */
    Map<String, String> knownFor(ApiOperations.Operation operation) {
      if (!operation.forAdmins()) {
        return known;
      }
      Map<String, String> forAdmins = new HashMap<>(known);
      forAdmins.put("sku", adminSku);
      return forAdmins;
    }

    String adminSku() {
      return adminSku;
    }

    List<TestUser> all() {
      return all;
    }

    /** Who calls {@code operation}: the owner, or a cart writer / checkout caller within limits. */
    synchronized TestUser callerFor(ApiOperations.Operation operation) {
      if (operation.forAdmins()) {
        return shop.admin();
      }
      if (operation.path().endsWith("/checkout")) {
        if (checkouter == null || ++checkouts > CHECKOUTS_PER_SHOPPER) {
          checkouter = fresh(false);
          checkouts = 1;
        }
        return checkouter;
      }
      if (operation.path().startsWith("/api/cart") && !operation.method().equals("get")) {
        if (writer == null || ++writes > WRITES_PER_SHOPPER) {
          writer = fresh(true);
          writes = 2;
        }
        return writer;
      }
      return owner;
    }

    /** A new shopper; a cart writer starts with a line of the fuzz sku, to change or remove. */
    private TestUser fresh(boolean withLine) {
      TestUser shopper = shop.newCustomer();
      if (withLine) {
        shop.addToCart(shopper, sku, 1).expect(200);
      }
      all.add(shopper);
      return shopper;
    }

    long orders() {
      return all.stream()
          .mapToLong(
              s ->
                  shop.get(s, "/api/order/orders?size=1")
                      .expect(200)
                      .json()
                      .get("totalItems")
                      .asLong())
          .sum();
    }

    boolean cartsStillOpen() {
      return all.stream().allMatch(s -> shop.cart(s).get("status").asText().equals("OPEN"));
    }
  }

  /** Requests and statuses per service, and what broke the rules. */
  static final class FuzzReport {

    private final long seed;
    private final int tries;
    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    private final Map<String, Integer> requests = new TreeMap<>();
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Integer> operations = new TreeMap<>();
    private Duration took = Duration.ZERO;

    FuzzReport(long seed, int tries) {
      this.seed = seed;
      this.tries = tries;
    }

    void record(
        String service,
        ApiOperations.Operation operation,
        FuzzMutation.Variant variant,
        RawHttp.Response response) {
      requests.merge(service, 1, Integer::sum);
      operations.merge(service + " " + operation.name(), 1, Integer::sum);
      statuses
          .computeIfAbsent(service, s -> new TreeMap<>())
          .merge(response.status(), 1, Integer::sum);
      String problem = problemWith(variant.request(), response);
      if (problem != null) {
        findings.add(
            "%s: %s [%s %s] → %d %s %s"
                .formatted(
                    problem,
                    operation.name(),
                    variant.kind(),
                    variant.what(),
                    response.status(),
                    response.contentType(),
                    FuzzMutation.shorten(response.body())));
      }
    }

    private static String problemWith(RawHttp.Request request, RawHttp.Response response) {
      if (response.status() == 0) {
        return "no answer";
      }
      if (response.status() == RawHttp.RESET) {
        // A server may refuse an oversized head at once and close without reading the body.
        return request.headOversized() ? null : "reset without an answer";
      }
      if (response.status() >= 500) {
        return "server error";
      }
      if (response.status() >= 400) {
        if (!response.contentType().startsWith("application/problem+json")) {
          return "4xx without problem+json";
        }
        JsonNode problem = ApiOperations.parse(response.body());
        if (problem.path("status").asInt() != response.status()) {
          return "problem status differs";
        }
      }
      return null;
    }

    List<String> findings() {
      return findings;
    }

    void took(Duration took) {
      this.took = took;
    }

    String text() {
      StringBuilder text = new StringBuilder();
      text.append("Fuzzing gate: seed ")
          .append(seed)
          .append(", ")
          .append(tries)
          .append(" variants per operation, ")
          .append(operations.size())
          .append(" operations, ")
          .append(requests.values().stream().mapToInt(Integer::intValue).sum())
          .append(" requests in ")
          .append(took.toSeconds())
          .append(" s\n");
      requests.forEach(
          (service, count) ->
              text.append(
                  "  %-13s %5d requests, statuses %s%n"
                      .formatted(service, count, statuses.get(service))));
      text.append("  findings: ").append(findings.size()).append('\n');
      findings.forEach(f -> text.append("    ").append(f).append('\n'));
      return text.toString();
    }
  }
}
