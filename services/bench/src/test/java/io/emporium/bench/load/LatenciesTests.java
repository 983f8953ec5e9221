package io.emporium.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTests {

  private static long ms(long millis) {
    return millis * 1_000_000;
  }

  @Test
  void percentilesAreNearestRankOverTheSortedValues() {
    long[] hundred = new long[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = ms(100 - i); // 100 ms down to 1 ms, unsorted on purpose
    }
    Latencies latencies = Latencies.ofNanos(hundred);

    assertThat(latencies.p50()).isEqualTo(50.0);
    assertThat(latencies.p99()).isEqualTo(99.0);
    assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
    assertThat(latencies.maxMillis()).isEqualTo(100.0);
  }

  @Test
  void aSingleSlowAnswerIsTheP99OfFewAnswers() {
    Latencies latencies = Latencies.ofNanos(ms(5), ms(5), ms(5), ms(900));

    assertThat(latencies.p50()).isEqualTo(5.0);
    assertThat(latencies.p99()).isEqualTo(900.0);
  }

  @Test
  void noAnswersHaveNoPercentiles() {
    assertThat(Latencies.ofNanos().p99()).isNaN();
  }

  @Test
  void refusesPercentilesOutsideTheRange() {
    assertThatThrownBy(() -> Latencies.ofNanos(1).percentileMillis(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aResultCountsOnlySuccessfulAnswersInItsRate() {
    Recorder recorder = new Recorder("phase");
    recorder.record(200, ms(10));
    recorder.record(201, ms(20));
    recorder.record(409, ms(1));
    recorder.record(0, ms(30_000));

    LoadResult result = recorder.result(2.0);

    assertThat(result.ok()).isEqualTo(2);
    assertThat(result.perSecond()).isEqualTo(1.0);
    assertThat(result.failures()).containsEntry(409, 1L).containsEntry(0, 1L);
    assertThat(result.latencies().percentileMillis(100)).isEqualTo(20.0);
  }
}
