package io.emporium.platform.faults;

import io.emporium.events.EventTypes;
import io.emporium.platform.messaging.inbox.InboundFaults;
import io.emporium.platform.web.InvalidRequestException;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Turns the test-only consumer bug on ({@code {"types":[...]}}) and off ({@code {"types":[]}}). */
@RestController
@RequestMapping("/api/${emporium.messaging.service}/admin/faults/inbound")
class FaultSwitchController {

  private final InboundFaults faults;

  FaultSwitchController(InboundFaults faults) {
    this.faults = faults;
  }

  @GetMapping
  Switch get() {
    return new Switch(faults.failingTypes());
  }

  @PutMapping
  Switch put(@RequestBody Switch change) {
    Set<String> types = change.types() == null ? Set.of() : change.types();
    for (String type : types) {
      if (type == null || !EventTypes.all().types().contains(type)) {
        throw new InvalidRequestException(
            "types", "event types of the topology, such as order.OrderPlaced.v1", type);
      }
    }
    faults.failTypes(types);
    return get();
  }

  record Switch(Set<String> types) {}
}
