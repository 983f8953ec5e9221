package io.emporium.platform.identity;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One endpoint that needs the current customer. */
@RestController
class WhoAmIController {

  @GetMapping("/test/me")
  Map<String, String> me(CustomerId customer) {
    return Map.of("customerId", customer.value());
  }
}
