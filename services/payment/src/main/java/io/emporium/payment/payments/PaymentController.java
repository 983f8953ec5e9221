package io.emporium.payment.payments;

import io.emporium.boundary.identity.CustomerId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The shopper's view of an order's payment. */
@RestController
@RequestMapping("/api/payment/payments")
class PaymentController {

  private final Payments payments;

  PaymentController(Payments payments) {
    this.payments = payments;
  }

  @GetMapping
  Mono<PaymentView> byOrder(@RequestParam String orderId, CustomerId customer) {
    return payments.find(orderId, customer);
  }
}
