package io.emporium.order.orders;

import io.emporium.boundary.identity.CustomerId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The signed-in shopper's orders: every call acts for the access token's subject, and another
 * customer's order is a 404 (no hint it exists).
 */
@RestController
@Validated
@RequestMapping("/api/order/orders")
class OrderController {

  private final OrderQueries queries;
  private final OpenStreams streams;

  OrderController(OrderQueries queries, OpenStreams streams) {
    this.queries = queries;
    this.streams = streams;
  }

  @Operation(summary = "The customer's orders, newest first (optionally only a checkout's)")
  @GetMapping
  Mono<OrderPage> list(
      CustomerId customer,
      @RequestParam(required = false) @Size(min = 1, max = 128) String checkoutId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return queries.list(customer.value(), checkoutId, page, size);
  }

  @Operation(summary = "One of the customer's orders with its timeline")
  @GetMapping("/{orderId}")
  Mono<OrderView> get(CustomerId customer, @PathVariable String orderId) {
    return queries.find(customer.value(), orderId);
  }

  @Operation(
      summary = "The order's status now, then each change; completes when CONFIRMED or CANCELLED",
      description =
          "Opened right after checkout, it waits (up to 30 s) for the order to be placed, then"
              + " answers 404 if it still is not. A few open streams per customer: 429 beyond.")
  @GetMapping(value = "/{orderId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Mono<ResponseEntity<Flux<ServerSentEvent<StatusChange>>>> events(
      CustomerId customer, @PathVariable String orderId) {
    return queries
        .placedAndOwned(customer.value(), orderId)
        .map(
            order -> {
              Runnable release = streams.acquire(customer.value());
              return ResponseEntity.ok()
                  .contentType(MediaType.TEXT_EVENT_STREAM)
                  .body(
                      queries
                          .statusStream(order)
                          .map(
                              change ->
                                  ServerSentEvent.builder(change)
                                      .event("status")
                                      .id(change.status().name())
                                      .build())
                          .doFinally(signal -> release.run()));
            });
  }
}
