package io.emporium.chaos.faults;

import java.time.Duration;

/**
 * SQS misdelivering for {@code lasting}: {@code duplicateRate} of received messages delivered again
 * 1–15 s later (the same event id), {@code delayRate} withheld until their visibility timeout
 * passes, so they arrive after later events of the same order.
 */
public record DuplicatesAndReordering(Duration lasting, double duplicateRate, double delayRate)
    implements Fault {

  @Override
  public String describe() {
    return "%d %% of deliveries duplicated, %d %% delayed past later ones"
        .formatted(Math.round(duplicateRate * 100), Math.round(delayRate * 100));
  }

  @Override
  public void inject(FaultContext context) throws InterruptedException {
    context.stack().aws().tamperDeliveries(duplicateRate, delayRate);
    try {
      Thread.sleep(lasting);
    } finally {
      context.stack().aws().tamperDeliveries(0, 0);
    }
  }
}
