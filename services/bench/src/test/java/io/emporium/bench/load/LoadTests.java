package io.emporium.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class LoadTests {

  private final List<String> progress = new ArrayList<>();
  private final Load load = new Load(progress::add);

  @Test
  void aClosedLoopKeepsAtMostItsConnectionsBusyAndStopsOnTime() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();

    long started = System.nanoTime();
    LoadResult result =
        load.closed(
            "closed",
            3,
            Duration.ofMillis(100),
            Duration.ofMillis(500),
            i ->
                Mono.fromRunnable(
                        () -> most.accumulateAndGet(inFlight.incrementAndGet(), Math::max))
                    .then(Mono.delay(Duration.ofMillis(10)))
                    .doOnTerminate(inFlight::decrementAndGet) // before the loop sends its next
                    .thenReturn(200));
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(most.get()).isEqualTo(3);
    assertThat(seconds).isBetween(0.5, 5.0);
    assertThat(result.ok()).isPositive();
    assertThat(result.seconds()).isBetween(0.4, 0.6);
  }

  @Test
  void anOpenLoopSendsItsRateWhateverTheAnswersSay() {
    LoadResult result =
        load.open("open", 50, Duration.ofSeconds(1), i -> Mono.just(i % 2 == 0 ? 200 : 503));

    assertThat(result.ok() + result.failed()).isEqualTo(50);
    assertThat(result.failures()).containsEntry(503, 25L);
  }

  @Test
  void anActionThatFailsCountsAsNoAnswer() {
    LoadResult result =
        load.open(
            "errors",
            10,
            Duration.ofMillis(500),
            i -> Mono.error(new IllegalStateException("down")));

    assertThat(result.failures()).containsEntry(0, 5L);
  }
}
