package io.emporium.platform.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.MalformedEventException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class RetrySplitTests {

  @Test
  void aBodyThatIsNoValidEventIsPoisonHoweverDeeplyWrapped() {
    var malformed = new MalformedEventException(null, "not JSON");

    assertThat(RetrySplit.isPoison(malformed)).isTrue();
    assertThat(RetrySplit.isPoison(new CompletionException(new RuntimeException(malformed))))
        .isTrue();
  }

  @Test
  void anEventOfAnotherProducerIsPoison() {
    assertThat(RetrySplit.isPoison(new CompletionException(new ClassCastException("OrderEvent"))))
        .isTrue();
  }

  @Test
  void aDependencyThatFailsIsNotPoisonButWaitedFor() {
    assertThat(RetrySplit.isPoison(new IllegalStateException("SES rejected the send"))).isFalse();
    assertThat(RetrySplit.isPoison(new CompletionException(SdkClientException.create("timeout"))))
        .isFalse();
  }
}
