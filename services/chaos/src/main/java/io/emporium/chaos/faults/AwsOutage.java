package io.emporium.chaos.faults;

import java.time.Duration;
import java.time.Instant;

/**
 * The AWS endpoint unreachable: from {@code at} (after the load started) for {@code lasting}, no
 * call to SNS, SQS, DynamoDB, SES or Cognito is answered.
 */
public record AwsOutage(Duration at, Duration lasting) implements Fault {

  @Override
  public String describe() {
    return "AWS endpoint unreachable for " + lasting.toSeconds() + " s";
  }

  @Override
  public void inject(FaultContext context) throws InterruptedException {
    context.sleepUntil(at);
    context.say("AWS endpoint unreachable for " + lasting.toSeconds() + " s");
    context.stack().aws().outageUntil(Instant.now().plus(lasting));
    Thread.sleep(lasting);
    context.say("AWS endpoint reachable again");
  }
}
