package io.emporium.cart.carts;

import io.emporium.cart.catalog.Product;
import io.emporium.events.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The cart item: {@code pk = CUSTOMER#<id>}, {@code customerId}, {@code cartId}, {@code status},
 * {@code version} (N), {@code lines} (M: sku → quantity N), {@code products} (M: sku → {name,
 * amountMinor, currency, imageUrl}, the snapshot), {@code checkoutId} while checked out, {@code
 * expiresAt} (TTL, epoch seconds) and {@code updatedAt}. Quantities and snapshots are two maps so
 * that "add 2 of X" is one UpdateItem whether or not X is already in the cart.
 */
final class CartItems {

  static final String CUSTOMER_ID = "customerId";
  static final String CART_ID = "cartId";
  static final String STATUS = "status";
  static final String VERSION = "version";
  static final String LINES = "lines";
  static final String PRODUCTS = "products";
  static final String CHECKOUT_ID = "checkoutId";
  static final String ORDER_ID = "orderId";
  static final String UPDATED_AT = "updatedAt";
  static final String NAME = "name";
  static final String AMOUNT_MINOR = "amountMinor";
  static final String CURRENCY = "currency";
  static final String IMAGE_URL = "imageUrl";

  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("#pk", CartsTable.PK),
          Map.entry("#expiresAt", CartsTable.EXPIRES_AT),
          Map.entry("#customerId", CUSTOMER_ID),
          Map.entry("#cartId", CART_ID),
          Map.entry("#status", STATUS),
          Map.entry("#version", VERSION),
          Map.entry("#lines", LINES),
          Map.entry("#products", PRODUCTS),
          Map.entry("#checkoutId", CHECKOUT_ID),
          Map.entry("#updatedAt", UPDATED_AT));
  private static final Pattern PLACEHOLDER = Pattern.compile("#[A-Za-z0-9]+");

  private CartItems() {}

  static Map<String, AttributeValue> key(String customerId) {
    return Map.of(CartsTable.PK, s("CUSTOMER#" + customerId));
  }

  /**
   * The attribute names the expressions use ({@code #status}, ...), with {@code #sku} bound to
   * {@code sku} when given: DynamoDB refuses names an expression does not use.
   */
  static Map<String, String> names(String sku, String... expressions) {
    return names(sku == null ? Map.of() : Map.of("#sku", sku), expressions);
  }

  /** As {@link #names(String, String...)}, with placeholders of {@code extra} bound too. */
  static Map<String, String> names(Map<String, String> extra, String... expressions) {
    Map<String, String> names = new HashMap<>();
    for (String expression : expressions) {
      Matcher m = PLACEHOLDER.matcher(expression);
      while (m.find()) {
        String placeholder = m.group();
        names.put(placeholder, extra.getOrDefault(placeholder, NAMES.get(placeholder)));
      }
    }
    return names;
  }

  /** A conditional Update of the customer's cart item, for a TransactWriteItems. */
  static TransactWriteItem update(
      String tableName,
      String customerId,
      String update,
      String condition,
      Map<String, String> extraNames,
      Map<String, AttributeValue> values) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(tableName)
                    .key(key(customerId))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names(extraNames, update, condition))
                    .expressionAttributeValues(values))
        .build();
  }

  static Map<String, AttributeValue> newCart(
      String customerId, String cartId, String sku, int quantity, Product product, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(key(customerId));
    item.put(CUSTOMER_ID, s(customerId));
    item.put(CART_ID, s(cartId));
    item.put(STATUS, s(CartStatus.OPEN.name()));
    item.put(VERSION, n(1));
    item.put(LINES, AttributeValue.fromM(Map.of(sku, n(quantity))));
    item.put(PRODUCTS, AttributeValue.fromM(Map.of(sku, snapshot(product))));
    item.put(UPDATED_AT, s(now.toString()));
    return item;
  }

  static AttributeValue snapshot(Product product) {
    return snapshot(product.name(), product.price(), product.imageUrl());
  }

  static AttributeValue snapshot(String name, Money price, String imageUrl) {
    Map<String, AttributeValue> snapshot = new HashMap<>();
    snapshot.put(NAME, s(name));
    snapshot.put(AMOUNT_MINOR, n(price.amountMinor()));
    snapshot.put(CURRENCY, s(price.currency()));
    if (imageUrl != null) {
      snapshot.put(IMAGE_URL, s(imageUrl));
    }
    return AttributeValue.fromM(snapshot);
  }

  static Cart toCart(Map<String, AttributeValue> item, String currency) {
    Map<String, AttributeValue> quantities = map(item, LINES);
    Map<String, AttributeValue> products = map(item, PRODUCTS);
    List<CartLine> lines = new ArrayList<>(quantities.size());
    quantities.forEach(
        (sku, quantity) -> {
          Map<String, AttributeValue> product = products.get(sku).m();
          Money price =
              new Money(Long.parseLong(product.get(AMOUNT_MINOR).n()), product.get(CURRENCY).s());
          AttributeValue image = product.get(IMAGE_URL);
          lines.add(
              CartLine.of(
                  sku,
                  product.get(NAME).s(),
                  Integer.parseInt(quantity.n()),
                  price,
                  image == null ? null : image.s()));
        });
    lines.sort(Comparator.comparing(CartLine::sku));
    return Cart.of(
        item.get(CART_ID).s(),
        item.get(CUSTOMER_ID).s(),
        CartStatus.valueOf(item.get(STATUS).s()),
        Long.parseLong(item.get(VERSION).n()),
        lines,
        currency,
        item.containsKey(CHECKOUT_ID) ? item.get(CHECKOUT_ID).s() : null);
  }

  private static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasM() ? Map.of() : value.m();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
