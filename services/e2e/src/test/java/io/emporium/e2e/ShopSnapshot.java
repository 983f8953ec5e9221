package io.emporium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.local.AwsClients;
import io.emporium.platform.testing.TestUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What must not change however hostile the requests were: the stock of the given products, a
 * bystander's cart and orders, the given shoppers' orders, and the dead-letter queues (an event no
 * consumer can handle would land there).
 */
record ShopSnapshot(
    Map<String, JsonNode> stock,
    JsonNode bystanderCart,
    Map<String, Long> ordersByShopper,
    Map<String, Integer> deadLetters) {

  static ShopSnapshot of(Shop shop, TestUser bystander, List<TestUser> shoppers, Set<String> skus) {
    Map<String, Long> orders = new LinkedHashMap<>();
    for (TestUser shopper : new ArrayList<>(shoppers)) {
      orders.put(shopper.id(), orders(shop, shopper));
    }
    orders.put(bystander.id(), orders(shop, bystander));
    JsonNode cart = shop.cart(bystander);
    Map<String, JsonNode> stock = new LinkedHashMap<>();
    products(shop)
        .forEach(
            product -> {
              if (skus.contains(product.get("sku").asText())) {
                stock.put(product.get("sku").asText(), product.get("stock"));
              }
            });
    return new ShopSnapshot(stock, cart, orders, deadLetters(shop));
  }

  private static long orders(Shop shop, TestUser shopper) {
    return shop.get(shopper, "/api/order/orders?size=1")
        .expect(200)
        .json()
        .get("totalItems")
        .asLong();
  }

  /** The skus of every product the catalog lists now. */
  static Set<String> skus(Shop shop) {
    Set<String> skus = new LinkedHashSet<>();
    products(shop).forEach(product -> skus.add(product.get("sku").asText()));
    return skus;
  }

  /** Listed products whose own page does not read back (a value stored that cannot be served). */
  static List<String> unreadableProducts(Shop shop) {
    return skus(shop).stream()
        .filter(sku -> shop.get(null, "/api/catalog/products/" + sku).status() != 200)
        .toList();
  }

  private static List<JsonNode> products(Shop shop) {
    List<JsonNode> products = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode items =
          shop.get(null, "/api/catalog/products?sort=name&size=100&page=" + page)
              .expect(200)
              .json()
              .get("items");
      if (items.isEmpty()) {
        return products;
      }
      items.forEach(products::add);
    }
  }

  private static Map<String, Integer> deadLetters(Shop shop) {
    Map<String, Integer> depths = new LinkedHashMap<>();
    try (SqsClient sqs = AwsClients.emulator(shop.stack().awsEndpoint()).sqs()) {
      for (String url : sqs.listQueues().queueUrls()) {
        if (url.endsWith("-dlq")) {
          String depth =
              sqs.getQueueAttributes(
                      b ->
                          b.queueUrl(url)
                              .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                  .attributes()
                  .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
          depths.put(url.substring(url.lastIndexOf('/') + 1), Integer.parseInt(depth));
        }
      }
    }
    return depths;
  }
}
