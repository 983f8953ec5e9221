package io.emporium.platform.messaging.outbox;

import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The signal an outbox append gives once its transaction committed: the relay then starts a round
 * at once instead of after its idle poll. Safe to signal from any thread, any number of times.
 */
public final class RelayWakeUp {

  private final Sinks.Many<Boolean> signals = Sinks.many().multicast().directBestEffort();
  private final AtomicBoolean signalled = new AtomicBoolean();

  /** Something was appended and committed: relay it now. */
  public void appended() {
    signalled.set(true);
    signals.tryEmitNext(true);
  }

  /** Clears the signal before a round looks at the outbox. */
  void clear() {
    signalled.set(false);
  }

  /** True when a signal came since the last {@link #clear()}. */
  boolean signalled() {
    return signalled.get();
  }

  /** Completes at the next signal. */
  Mono<Boolean> next() {
    return signals.asFlux().next();
  }
}
