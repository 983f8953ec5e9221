package io.emporium.platform.identity;

import io.emporium.boundary.identity.CustomerId;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One endpoint that needs the current customer (not under the open /test/**). */
@RestController
class WhoAmIController {

  @GetMapping("/whoami")
  Map<String, String> me(CustomerId customer) {
    return Map.of("customerId", customer.value());
  }
}
