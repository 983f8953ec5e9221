package io.emporium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.local.AwsClients;
import io.emporium.platform.testing.TestUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What must not change however hostile the requests were: every product's stock, a bystander's cart
 * and orders, the given shoppers' orders, and the dead-letter queues (an event no consumer can
 * handle would land there).
 */
record ShopSnapshot(
    Map<String, JsonNode> stock,
    JsonNode bystanderCart,
    Map<String, Long> ordersByShopper,
    Map<String, Integer> deadLetters) {

  static ShopSnapshot of(Shop shop, TestUser bystander, List<TestUser> shoppers) {
    Map<String, Long> orders = new LinkedHashMap<>();
    for (TestUser shopper : new ArrayList<>(shoppers)) {
      orders.put(shopper.id(), orders(shop, shopper));
    }
    orders.put(bystander.id(), orders(shop, bystander));
    JsonNode cart = shop.cart(bystander);
    return new ShopSnapshot(stock(shop), cart, orders, deadLetters(shop));
  }

  private static long orders(Shop shop, TestUser shopper) {
    return shop.get(shopper, "/api/order/orders?size=1")
        .expect(200)
        .json()
        .get("totalItems")
        .asLong();
  }

  private static Map<String, JsonNode> stock(Shop shop) {
    Map<String, JsonNode> stock = new LinkedHashMap<>();
    for (int page = 0; ; page++) {
      JsonNode items =
          shop.get(null, "/api/catalog/products?sort=name&size=100&page=" + page)
              .expect(200)
              .json()
              .get("items");
      if (items.isEmpty()) {
        return stock;
      }
      items.forEach(item -> stock.put(item.get("sku").asText(), item.get("stock")));
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
