package io.emporium.platform.messaging.inbox;

import io.emporium.events.EventEnvelope;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * A consumer bug on demand, for tests only: events of the chosen types fail before their handler
 * runs, as a bug would (the failure is recorded, the message is not acknowledged, retried and dead
 * lettered). Only the profile {@code fault-injection} creates one that can fail ({@code
 * io.emporium.platform.faults}); every other service gets {@link #NONE}.
 */
public final class InboundFaults {

  /** Never fails anything. */
  public static final InboundFaults NONE = new InboundFaults(Set.of());

  private final AtomicReference<Set<String>> failing;

  public InboundFaults(Set<String> failingTypes) {
    this.failing = new AtomicReference<>(Set.copyOf(failingTypes));
  }

  public Set<String> failingTypes() {
    return failing.get();
  }

  public void failTypes(Set<String> types) {
    if (this == NONE) {
      throw new IllegalStateException("no fault switch in this service");
    }
    failing.set(Set.copyOf(types));
  }

  Mono<Void> check(EventEnvelope envelope) {
    return failing.get().contains(envelope.type())
        ? Mono.error(new InjectedFault(envelope.type()))
        : Mono.empty();
  }

  /** The failure an injected fault raises. */
  static final class InjectedFault extends RuntimeException {
    InjectedFault(String type) {
      super("injected fault: the fault switch fails every " + type);
    }
  }
}
