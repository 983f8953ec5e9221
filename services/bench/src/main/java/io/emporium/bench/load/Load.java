package io.emporium.bench.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drives a bounded load: a closed loop of N connections (each sends its next request when the last
 * answered) or an open loop at a fixed rate. Every request is an {@link Action} that answers with
 * its HTTP status; answers during warm-up are not counted. Prints progress every 5 s.
 */
public final class Load {

  /** One request; emits its HTTP status (0 when it got no answer). */
  @FunctionalInterface
  public interface Action {
    Mono<Integer> run(long sequence);
  }

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final Consumer<String> progress;

  public Load(Consumer<String> progress) {
    this.progress = progress;
  }

  /** {@code connections} loops, each sending its next request when the last one answered. */
  public LoadResult closed(
      String name, int connections, Duration warmUp, Duration measure, Action action) {
    Recorder recorder = new Recorder(name);
    AtomicLong sequence = new AtomicLong();
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + measure.toNanos();
    var ticker = ticker(name, recorder, measureFrom, end);
    try {
      Flux.range(0, connections)
          .flatMap(
              worker ->
                  Mono.defer(() -> timed(action, sequence.getAndIncrement(), recorder, measureFrom))
                      .repeat(() -> System.nanoTime() < end),
              connections)
          .then()
          .block(measure.plus(warmUp).plus(REQUEST_TIMEOUT.multipliedBy(2)));
    } finally {
      ticker.dispose();
    }
    return recorder.result((Math.min(System.nanoTime(), end) - measureFrom) / 1e9);
  }

  /**
   * {@code perSecond} requests a second for {@code measure} (nothing is warm-up), whatever the
   * answers take; waits for the last answers (at most {@code REQUEST_TIMEOUT}).
   */
  public LoadResult open(String name, double perSecond, Duration measure, Action action) {
    Recorder recorder = new Recorder(name);
    long count = Math.max(1, Math.round(perSecond * measure.toMillis() / 1000.0));
    Duration period = Duration.ofNanos((long) (1e9 / perSecond));
    long start = System.nanoTime();
    var ticker = ticker(name, recorder, start, start + measure.toNanos());
    try {
      Flux.interval(Duration.ZERO, period)
          .take(count)
          .onBackpressureBuffer()
          .flatMap(i -> timed(action, i, recorder, start), 512)
          .then()
          .block(measure.plus(REQUEST_TIMEOUT).plusSeconds(5));
    } finally {
      ticker.dispose();
    }
    return recorder.result(measure.toMillis() / 1000.0);
  }

  private static Mono<Integer> timed(Action action, long i, Recorder recorder, long countFrom) {
    long sent = System.nanoTime();
    return action
        .run(i)
        .timeout(REQUEST_TIMEOUT)
        .onErrorReturn(0)
        .defaultIfEmpty(0)
        .doOnNext(
            status -> {
              if (sent >= countFrom) {
                recorder.record(status, System.nanoTime() - sent);
              }
            });
  }

  private reactor.core.Disposable ticker(String name, Recorder recorder, long from, long end) {
    double total = (end - from) / 1e9;
    return Flux.interval(PROGRESS_EVERY, PROGRESS_EVERY)
        .subscribe(
            tick -> {
              double at = (System.nanoTime() - from) / 1e9;
              progress.accept(
                  "  %s: %s%.0f s of %.0f, %d answers"
                      .formatted(
                          name,
                          at < 0 ? "warming up, " : "",
                          Math.abs(at),
                          total,
                          recorder.total()));
            });
  }
}
