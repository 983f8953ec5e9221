package io.emporium.cart.carts;

import io.emporium.boundary.identity.CustomerId;
import io.emporium.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in shopper's cart (the customer is the access token's subject: no call can name
 * another customer's cart). Changes take an optional {@code If-Match: <version>} (409 when stale)
 * and answer the new cart with its version as ETag.
 */
@RestController
@RequestMapping(path = "/api/cart", produces = MediaType.APPLICATION_JSON_VALUE)
class CartController {

  private static final String IF_MATCH = "If-Match";
  private static final java.util.regex.Pattern VERSION =
      java.util.regex.Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

  private final Carts carts;
  private final Checkouts checkouts;
  private final CartMerges merges;

  CartController(Carts carts, Checkouts checkouts, CartMerges merges) {
    this.carts = carts;
    this.checkouts = checkouts;
    this.merges = merges;
  }

  @GetMapping
  Mono<ResponseEntity<Cart>> cart(CustomerId customer) {
    return carts.view(customer.value()).map(CartController::withETag);
  }

  @PostMapping(path = "/items", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<Cart>> add(
      CustomerId customer,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ItemRequests.Add request) {
    return carts
        .add(customer.value(), request.sku(), request.quantity(), version(ifMatch))
        .map(CartController::withETag);
  }

  @PutMapping(path = "/items/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<Cart>> setQuantity(
      CustomerId customer,
      @PathVariable @Pattern(regexp = ItemRequests.SKU, message = ItemRequests.SKU_MESSAGE)
          String sku,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ItemRequests.SetQuantity request) {
    return carts
        .setQuantity(customer.value(), sku, request.quantity(), version(ifMatch))
        .map(CartController::withETag);
  }

  @DeleteMapping("/items/{sku}")
  Mono<ResponseEntity<Cart>> remove(
      CustomerId customer,
      @PathVariable @Pattern(regexp = ItemRequests.SKU, message = ItemRequests.SKU_MESSAGE)
          String sku,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    return carts.remove(customer.value(), sku, version(ifMatch)).map(CartController::withETag);
  }

  @Operation(summary = "Merge the browser's guest cart into the account's (once per guestCartId)")
  @PostMapping(path = "/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<Merge>> merge(CustomerId customer, @Valid @RequestBody MergeRequest request) {
    return merges
        .merge(customer.value(), request)
        .map(
            merge ->
                ResponseEntity.ok()
                    .header(HttpHeaders.ETAG, "\"" + merge.cart().version() + "\"")
                    .body(merge));
  }

  @PostMapping(path = "/checkout", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<Checkout>> checkout(
      CustomerId customer,
      @AuthenticationPrincipal Jwt token,
      @RequestHeader("Idempotency-Key")
          @Size(min = 1, max = 128)
          @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
          String idempotencyKey,
      @Valid @RequestBody CheckoutRequest request) {
    return checkouts
        .checkout(customer.value(), token.getTokenValue(), idempotencyKey, request)
        .map(CartController::accepted);
  }

  private static ResponseEntity<Checkout> accepted(Checkout checkout) {
    var response = ResponseEntity.status(HttpStatus.ACCEPTED);
    if (checkout.location() != null) {
      response.header(HttpHeaders.LOCATION, checkout.location());
    }
    return response.body(checkout);
  }

  private static ResponseEntity<Cart> withETag(Cart cart) {
    return ResponseEntity.ok().header(HttpHeaders.ETAG, "\"" + cart.version() + "\"").body(cart);
  }

  /** The version an {@code If-Match} asks for: none when absent or {@code *}. */
  static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    var matcher = VERSION.matcher(ifMatch.trim());
    if (!matcher.matches()) {
      throw new InvalidRequestException(IF_MATCH, "must be a cart version, e.g. \"3\"", ifMatch);
    }
    return Long.parseLong(matcher.group(1));
  }
}
