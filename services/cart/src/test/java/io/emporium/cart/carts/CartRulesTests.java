package io.emporium.cart.carts;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.cart.carts.CartChange.AddItem;
import io.emporium.cart.carts.CartChange.RemoveItem;
import io.emporium.cart.carts.CartChange.SetQuantity;
import io.emporium.cart.carts.Verdict.EmptyCart;
import io.emporium.cart.carts.Verdict.InsufficientStock;
import io.emporium.cart.carts.Verdict.LineFull;
import io.emporium.cart.carts.Verdict.Locked;
import io.emporium.cart.carts.Verdict.NoSuchLine;
import io.emporium.cart.carts.Verdict.SameCheckout;
import io.emporium.cart.carts.Verdict.Stale;
import io.emporium.cart.carts.Verdict.TooManyLines;
import io.emporium.cart.catalog.Product;
import io.emporium.events.Money;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The cart's rules without DynamoDB: each refusal, and the problem it becomes. */
class CartRulesTests {

  private static final Money PRICE = new Money(1200, "EUR");
  private static final Product MUG =
      new Product("MUG-1", "Mug", PRICE, null, new Product.Stock(500));

  @Test
  void addsToAnOpenCartWithRoom() {
    var cart = cart(CartStatus.OPEN, 3, line("MUG-1", 98));

    assertThat(CartRules.judge(Optional.of(cart), add(1), 3L)).isEqualTo(Verdict.ALLOWED);
    assertThat(CartRules.judge(Optional.of(cart), add(1), null)).isEqualTo(Verdict.ALLOWED);
  }

  @Test
  void refusesMoreThanNinetyNineUnitsInALine() {
    var cart = cart(CartStatus.OPEN, 3, line("MUG-1", 98));

    var verdict = CartRules.judge(Optional.of(cart), add(2), null);

    assertThat(verdict).isEqualTo(new LineFull("MUG-1", 98));
    var problem = ((LineFull) verdict).problem();
    assertThat(problem.type().status()).isEqualTo(422);
    assertThat(problem.properties()).containsEntry("sku", "MUG-1").containsEntry("quantity", 98);
  }

  @Test
  void refusesALineHoldingMoreThanTheCatalogCanSell() {
    var scarce = new Product("MUG-1", "Mug", PRICE, null, new Product.Stock(5));
    var cart = cart(CartStatus.OPEN, 3, line("MUG-1", 4));

    var verdict = CartRules.judge(Optional.of(cart), new AddItem("MUG-1", 2, scarce), null);

    assertThat(verdict).isEqualTo(new InsufficientStock("MUG-1", 6, 5));
    var problem = ((InsufficientStock) verdict).problem();
    assertThat(problem.type().status()).isEqualTo(409);
    assertThat(problem.properties())
        .containsEntry("sku", "MUG-1")
        .containsEntry("requested", 6)
        .containsEntry("available", 5);
    assertThat(CartRules.asked(new AddItem("MUG-1", 6, scarce)))
        .isEqualTo(new InsufficientStock("MUG-1", 6, 5));
    assertThat(CartRules.asked(new AddItem("MUG-1", 5, scarce))).isEqualTo(Verdict.ALLOWED);
    assertThat(CartRules.judge(Optional.empty(), new AddItem("MUG-1", 6, scarce), null))
        .isEqualTo(new InsufficientStock("MUG-1", 6, 5));
  }

  @Test
  void setsALineAboveWhatIsAvailableOnlyWhenItShrinks() {
    var cart = cart(CartStatus.OPEN, 3, line("MUG-1", 8));

    assertThat(CartRules.judge(Optional.of(cart), new SetQuantity("MUG-1", 6, 2), null))
        .isEqualTo(Verdict.ALLOWED);
    assertThat(CartRules.judge(Optional.of(cart), new SetQuantity("MUG-1", 9, 2), null))
        .isEqualTo(new InsufficientStock("MUG-1", 9, 2));
    assertThat(CartRules.judge(Optional.of(cart), new SetQuantity("MUG-1", 9, 20), null))
        .isEqualTo(Verdict.ALLOWED);
  }

  @Test
  void refusesAFiftyFirstLineButNotMoreOfALineItHas() {
    var lines = IntStream.range(0, CartRules.MAX_LINES).mapToObj(i -> line("SKU-" + i, 1)).toList();
    var full = new Cart("c", "cust", CartStatus.OPEN, 7, lines, PRICE, null);

    assertThat(CartRules.judge(Optional.of(full), add(1), null))
        .isEqualTo(new TooManyLines(CartRules.MAX_LINES));
    var more =
        new AddItem("SKU-3", 1, new Product("SKU-3", "x", PRICE, null, new Product.Stock(500)));
    assertThat(CartRules.judge(Optional.of(full), more, null)).isEqualTo(Verdict.ALLOWED);
  }

  @Test
  void refusesEveryChangeOfACheckedOutCart() {
    var cart =
        new Cart("c", "cust", CartStatus.CHECKED_OUT, 4, List.of(line("MUG-1", 1)), PRICE, "chk");

    for (CartChange change :
        List.of(add(1), new SetQuantity("MUG-1", 2, 500), new RemoveItem("MUG-1"))) {
      var verdict = CartRules.judge(Optional.of(cart), change, null);
      assertThat(verdict).isEqualTo(new Locked(CartStatus.CHECKED_OUT, "chk"));
      assertThat(((Locked) verdict).problem().type().status()).isEqualTo(409);
    }
  }

  @Test
  void refusesAStaleVersionWithTheCurrentOne() {
    var cart = cart(CartStatus.OPEN, 5, line("MUG-1", 1));

    var verdict = CartRules.judge(Optional.of(cart), new SetQuantity("MUG-1", 2, 500), 4L);

    assertThat(verdict).isEqualTo(new Stale(5));
    assertThat(((Stale) verdict).problem().properties()).containsEntry("currentVersion", 5L);
  }

  @Test
  void changesOnlyLinesTheCartHas() {
    var cart = cart(CartStatus.OPEN, 2, line("MUG-1", 1));

    assertThat(CartRules.judge(Optional.of(cart), new RemoveItem("TEE-2"), null))
        .isEqualTo(new NoSuchLine("TEE-2"));
    assertThat(CartRules.judge(Optional.of(cart), new RemoveItem("MUG-1"), null))
        .isEqualTo(Verdict.ALLOWED);
    assertThat(((NoSuchLine) new NoSuchLine("TEE-2")).problem().type().status()).isEqualTo(404);
  }

  @Test
  void startsACartWithAnAddOnlyFromVersionZero() {
    assertThat(CartRules.judge(Optional.empty(), add(1), null)).isEqualTo(Verdict.ALLOWED);
    assertThat(CartRules.judge(Optional.empty(), add(1), 0L)).isEqualTo(Verdict.ALLOWED);
    assertThat(CartRules.judge(Optional.empty(), add(1), 3L)).isEqualTo(new Stale(0));
    assertThat(CartRules.judge(Optional.empty(), new SetQuantity("MUG-1", 1, 500), null))
        .isEqualTo(new NoSuchLine("MUG-1"));
  }

  @Test
  void checksOutAnOpenCartWithLinesOnceAndRecognisesTheSameCheckout() {
    var open = cart(CartStatus.OPEN, 2, line("MUG-1", 1));
    var checkedOut = new Cart("c", "cust", CartStatus.CHECKED_OUT, 3, open.lines(), PRICE, "chk-1");

    assertThat(CartRules.checkout(open, "chk-1")).isEqualTo(Verdict.ALLOWED);
    assertThat(CartRules.checkout(checkedOut, "chk-1")).isEqualTo(new SameCheckout());
    assertThat(CartRules.checkout(checkedOut, "chk-2"))
        .isEqualTo(new Locked(CartStatus.CHECKED_OUT, "chk-1"));
    assertThat(CartRules.checkout(cart(CartStatus.OPEN, 1), "chk-1")).isEqualTo(new EmptyCart());
  }

  private static AddItem add(int quantity) {
    return new AddItem("MUG-1", quantity, MUG);
  }

  private static CartLine line(String sku, int quantity) {
    return CartLine.of(sku, sku, quantity, PRICE, null);
  }

  private static Cart cart(CartStatus status, long version, CartLine... lines) {
    return new Cart("c", "cust", status, version, List.of(lines), PRICE, null);
  }

  @Test
  void addingJudgesStockFirstThenTheLineThenTheCartForAnAddAndAMergeAlike() {
    int full = CartRules.MAX_LINES;
    assertThat(CartRules.adding(full, Optional.empty(), "MUG-1", 6, 5))
        .isEqualTo(new InsufficientStock("MUG-1", 6, 5));
    assertThat(CartRules.adding(1, Optional.of(98), "MUG-1", 2, 500))
        .isEqualTo(new LineFull("MUG-1", 98));
    assertThat(CartRules.adding(1, Optional.empty(), "MUG-1", CartRules.MAX_QUANTITY + 1, 500))
        .as("a merged guest line over the per-line limit")
        .isEqualTo(new LineFull("MUG-1", 0));
    assertThat(CartRules.adding(full, Optional.empty(), "MUG-1", 1, 500))
        .isEqualTo(new TooManyLines(full));
    assertThat(CartRules.adding(full, Optional.of(1), "MUG-1", 1, 500)).isEqualTo(Verdict.ALLOWED);
  }
}
