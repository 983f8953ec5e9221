package io.emporium.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventEnvelopeTests {

  @Test
  void withTimeChangesOnlyTheTime() {
    EventEnvelope fixture = EventFixtures.envelope("cart.CartCheckedOut.v1");
    Instant earlier = fixture.time().minusSeconds(300);

    EventEnvelope late = fixture.withTime(earlier);

    assertThat(late.time()).isEqualTo(earlier);
    assertThat(late).usingRecursiveComparison().ignoringFields("time").isEqualTo(fixture);
  }
}
