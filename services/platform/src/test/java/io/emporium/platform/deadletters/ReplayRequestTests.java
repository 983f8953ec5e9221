package io.emporium.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which replays SQS's move task may do: only those it can do fully and truthfully. */
class ReplayRequestTests {

  private static final Duration NONE = Duration.ZERO;

  @Test
  void anUnfilteredReplayThatAwaitsNoOutcomeGoesToTheMoveTask() {
    assertThat(ReplayRequest.all("q").byMoveTask()).isTrue();
    assertThat(request(LetterFilter.all(), 0, 5, false, NONE, true).byMoveTask()).isTrue();
    assertThat(request(LetterFilter.all(), 0, 0, false, null, true).byMoveTask()).isTrue();
  }

  @Test
  void aReplayThatAwaitsItsOutcomeTakesThePassWhichCanTellWhatFailedAgain() {
    assertThat(request(LetterFilter.all(), 0, 0, false, Duration.ofMinutes(2), true).byMoveTask())
        .isFalse();
  }

  @Test
  void aFilterALimitADryRunOrTheCallerAskingForAPassTakeThePass() {
    var byType = new LetterFilter(Set.of("order.OrderPlaced.v1"), Set.of(), Set.of(), null);
    assertThat(request(byType, 0, 0, false, NONE, true).byMoveTask()).isFalse();
    assertThat(request(LetterFilter.ofIds(Set.of("m-1")), 0, 0, false, NONE, true).byMoveTask())
        .isFalse();
    assertThat(request(LetterFilter.all(), 10, 0, false, NONE, true).byMoveTask()).isFalse();
    assertThat(request(LetterFilter.all(), 0, 0, true, NONE, true).byMoveTask()).isFalse();
    assertThat(request(LetterFilter.all(), 0, 0, false, NONE, false).byMoveTask()).isFalse();
  }

  private static ReplayRequest request(
      LetterFilter filter,
      int limit,
      double rate,
      boolean dryRun,
      Duration await,
      boolean moveTask) {
    return new ReplayRequest("q", filter, limit, rate, dryRun, await, moveTask);
  }
}
