package io.emporium.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the orders of a set of checkouts stand, read from the order service's database (cheaper
 * than asking its API, and the API's load is not what is measured): status and last change.
 */
final class Outcomes {

  /** An order's status and when it last changed. */
  record Outcome(String status, Instant at) {
    boolean isFinal() {
      return status.equals("CONFIRMED") || status.equals("CANCELLED");
    }
  }

  private Outcomes() {}

  static Map<String, Outcome> of(Run run, Set<String> checkoutIds) throws SQLException {
    Map<String, Outcome> found = new HashMap<>();
    if (checkoutIds.isEmpty()) {
      return found;
    }
    try (Connection order = run.stack.connect("order");
        PreparedStatement query =
            order.prepareStatement(
                "SELECT checkout_id, status, updated_at FROM orders WHERE checkout_id = ANY (?)")) {
      Array ids = order.createArrayOf("text", checkoutIds.toArray());
      query.setArray(1, ids);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.put(
              rows.getString(1), new Outcome(rows.getString(2), rows.getTimestamp(3).toInstant()));
        }
      }
    }
    return found;
  }

  /**
   * Waits until every checkout's order is CONFIRMED or CANCELLED (or, with {@code placedOnly}, just
   * exists), at most {@code within}; returns what it saw last.
   */
  static Map<String, Outcome> await(
      Run run, Set<String> checkoutIds, boolean placedOnly, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    Instant nextNote = Instant.now().plusSeconds(5);
    while (true) {
      Map<String, Outcome> now = of(run, checkoutIds);
      long done = now.values().stream().filter(o -> placedOnly || o.isFinal()).count();
      if (done >= checkoutIds.size() || Instant.now().isAfter(deadline)) {
        return now;
      }
      if (Instant.now().isAfter(nextNote)) {
        run.say.accept(
            "  waiting for orders: %d of %d %s"
                .formatted(done, checkoutIds.size(), placedOnly ? "placed" : "settled"));
        nextNote = Instant.now().plusSeconds(5);
      }
      Thread.sleep(250);
    }
  }
}
