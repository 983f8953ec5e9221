package io.emporium.chaos.check;

import io.emporium.chaos.load.Attempt;
import java.util.List;

/**
 * What the shop knows of checkouts it accepted (202) without placing an order, one line each: the
 * customer's cart, the checkout's record, the cart's outbox items for it and what the order
 * service's inbox did with them. A lost checkout whose outbox item is gone was published (or never
 * written); one whose record is gone never committed, or was undone.
 */
final class LostCheckouts {

  private LostCheckouts() {}

  static List<String> trace(List<Attempt> lost, CartRecords cart, ShopRecords records) {
    return lost.stream().map(attempt -> trace(attempt, cart, records)).toList();
  }

  private static String trace(Attempt attempt, CartRecords cart, ShopRecords records) {
    String checkoutId = attempt.checkoutId();
    String head =
        "checkout %s of customer %s (202 at %s): "
            .formatted(checkoutId, attempt.shopper().customerId(), attempt.acceptedAt());
    try {
      var items = cart.outboxItemsMentioning(checkoutId);
      String outbox =
          items.isEmpty()
              ? "no cart outbox item"
              : items.stream()
                  .map(item -> "cart outbox " + item + ", order inbox " + inbox(item, records))
                  .toList()
                  .toString();
      return head
          + "cart "
          + cart.cart(attempt.shopper().customerId())
          + "; checkout "
          + cart.checkoutRecord(checkoutId)
          + "; "
          + outbox;
    } catch (RuntimeException e) {
      return head + "could not be traced: " + e.getMessage();
    }
  }

  private static List<String> inbox(CartRecords.OutboxEntry item, ShopRecords records) {
    List<String> known = records.inbox("order", item.eventId());
    return known.isEmpty() ? List.of("knows nothing of it") : known;
  }
}
