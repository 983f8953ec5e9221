package io.emporium.chaos.faults;

import java.time.Duration;

/**
 * The AWS endpoint failing part of the calls: from {@code at} for {@code lasting}, {@code rate} of
 * calls answered with throttling or a 5xx (some after the call took effect).
 */
public record AwsErrors(Duration at, Duration lasting, double rate) implements Fault {

  @Override
  public String describe() {
    return "AWS answers %d %% of calls with throttling/5xx for %d s"
        .formatted(Math.round(rate * 100), lasting.toSeconds());
  }

  @Override
  public void inject(FaultContext context) throws InterruptedException {
    context.sleepUntil(at);
    context.say(describe());
    context.stack().aws().errorRate(rate);
    try {
      Thread.sleep(lasting);
    } finally {
      context.stack().aws().errorRate(0);
    }
    context.say("AWS answers every call again");
  }
}
