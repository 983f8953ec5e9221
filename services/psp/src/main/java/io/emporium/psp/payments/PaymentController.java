package io.emporium.psp.payments;

import io.emporium.psp.web.PspProblem;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The provider's API. Every POST needs an {@code Idempotency-Key}: the same key answers the same
 * (with {@code Idempotent-Replayed: true}), durably; every call needs {@code Authorization: Bearer
 * <secret key>}.
 */
@RestController
@RequestMapping("/api/psp/v1")
class PaymentController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private final Payments payments;

  PaymentController(Payments payments) {
    this.payments = payments;
  }

  /** A list of payments. */
  record PaymentList(List<Payment> items) {}

  @Operation(summary = "Hold an amount on a card (201 whether approved or declined)")
  @PostMapping("/authorizations")
  Mono<ResponseEntity<Payment>> authorize(
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      @Valid @RequestBody AuthorizeRequest request) {
    return payments.authorize(required(key), request).map(PaymentController::response);
  }

  @Operation(summary = "Take the held amount (AUTHORIZED → CAPTURED)")
  @PostMapping("/payments/{paymentId}/capture")
  Mono<ResponseEntity<Payment>> capture(
      @PathVariable String paymentId,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
    return payments.capture(paymentId, required(key)).map(PaymentController::response);
  }

  @Operation(summary = "Release the hold (AUTHORIZED → VOIDED)")
  @PostMapping("/payments/{paymentId}/void")
  Mono<ResponseEntity<Payment>> voidPayment(
      @PathVariable String paymentId,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
    return payments.voidPayment(paymentId, required(key)).map(PaymentController::response);
  }

  @Operation(summary = "Pay a captured amount back (CAPTURED → REFUNDED)")
  @PostMapping("/payments/{paymentId}/refund")
  Mono<ResponseEntity<Payment>> refund(
      @PathVariable String paymentId,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
    return payments.refund(paymentId, required(key)).map(PaymentController::response);
  }

  @Operation(summary = "A payment by its id")
  @GetMapping("/payments/{paymentId}")
  Mono<Payment> payment(@PathVariable String paymentId) {
    return payments.find(paymentId);
  }

  @Operation(
      summary = "The payment an authorization created, by that authorization's idempotency key",
      description =
          "404 when no authorization with this key was recorded: it never arrived, or failed.")
  @GetMapping("/payments/by-idempotency-key/{key}")
  Mono<Payment> byIdempotencyKey(@PathVariable String key) {
    return payments.findByIdempotencyKey(key);
  }

  @Operation(summary = "Every payment with a merchant reference (e.g. all attempts for an order)")
  @GetMapping("/payments")
  Mono<PaymentList> byReference(@RequestParam String reference) {
    return payments.findByReference(reference).collectList().map(PaymentList::new);
  }

  private static String required(String key) {
    if (key == null || key.isBlank() || key.length() > 255) {
      throw PspProblem.missingKey();
    }
    return key;
  }

  private static ResponseEntity<Payment> response(Answer answer) {
    return ResponseEntity.status(answer.status())
        .header(REPLAYED, String.valueOf(answer.replayed()))
        .body(answer.payment());
  }
}
