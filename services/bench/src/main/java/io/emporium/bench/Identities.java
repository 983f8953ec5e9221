package io.emporium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.bench.shop.CognitoSignUp;
import io.emporium.bench.shop.Reply;
import io.emporium.bench.shop.ShopClient;
import io.emporium.bench.shop.Shopper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;

/**
 * Who the load acts as: shoppers of the Cognito pool the shop names ({@code GET /config.json}),
 * signed up and in as the SPA does, before the load; they send their access token. Accounts are
 * unique per run.
 */
final class Identities {

  private final String run;
  private final CognitoSignUp cognito;
  private final Consumer<String> say;
  private List<Shopper> buyers = List.of();

  private Identities(String run, CognitoSignUp cognito, Consumer<String> say) {
    this.run = run;
    this.cognito = cognito;
    this.say = say;
  }

  /** Reads the shop's /config.json; a shop that names no pool cannot be measured. */
  static Identities of(ShopClient shop, String run, Consumer<String> say) {
    Reply config = shop.get("/config.json", null).block(Duration.ofSeconds(30));
    if (config != null && config.ok()) {
      JsonNode json = config.json();
      if (json.hasNonNull("userPoolId") && json.hasNonNull("clientId")) {
        String endpoint =
            json.hasNonNull("cognitoEndpoint")
                ? json.get("cognitoEndpoint").asText()
                : "https://cognito-idp." + json.path("region").asText() + ".amazonaws.com/";
        say.accept("shoppers sign up and in with Cognito at " + endpoint);
        return new Identities(
            run, new CognitoSignUp(URI.create(endpoint), json.get("clientId").asText()), say);
      }
    }
    throw new IllegalStateException(
        "the shop's /config.json names no Cognito pool: its shoppers cannot sign in");
  }

  /** {@code count} shoppers whose carts the cart phases fill and read. */
  List<Shopper> cartShoppers(int count) {
    return shoppers("cart", count);
  }

  /** Signs up {@code count} buyers ahead of the load. */
  void prepareBuyers(int count) {
    buyers = shoppers("buyer", count);
  }

  /** The {@code index}-th shopper who checks out (a fresh one each time). */
  Shopper buyer(int index) {
    if (index >= buyers.size()) {
      throw new IllegalStateException("only " + buyers.size() + " buyers were signed up");
    }
    return buyers.get(index);
  }

  private List<Shopper> shoppers(String kind, int count) {
    say.accept("signing up %d %s shoppers".formatted(count, kind));
    long started = System.nanoTime();
    List<Shopper> all =
        Flux.range(0, count)
            .flatMapSequential(i -> cognito.shopper(run + "-" + kind + "-" + i + "@example.com"), 8)
            .collectList()
            .block(Duration.ofMinutes(5));
    say.accept("  %d signed in, %.1f s".formatted(count, (System.nanoTime() - started) / 1e9));
    return all;
  }

  /** The checkout body: the email only while the shop does not know it from the account. */
  Map<String, Object> checkoutBody(Shopper shopper, String paymentToken) {
    Map<String, Object> address =
        Map.of(
            "name",
            "Bench Shopper",
            "line1",
            "1 Load Street",
            "city",
            "London",
            "postalCode",
            "N1 9GU",
            "country",
            "GB");
    return Map.of("shippingAddress", address, "paymentMethodToken", paymentToken);
  }
}
