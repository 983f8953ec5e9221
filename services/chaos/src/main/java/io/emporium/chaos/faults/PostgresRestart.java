package io.emporium.chaos.faults;

import java.time.Duration;

/**
 * PostgreSQL stopped (fast shutdown: connections cut) at {@code at}, started again after {@code
 * down}.
 */
public record PostgresRestart(Duration at, Duration down) implements Fault {

  @Override
  public String describe() {
    return "PostgreSQL restart (down " + down.toSeconds() + " s)";
  }

  @Override
  public void inject(FaultContext context) throws InterruptedException {
    context.sleepUntil(at);
    context.say("restarting PostgreSQL (down " + down.toSeconds() + " s)");
    context.stack().postgres().restart(down);
    context.say("PostgreSQL is back");
  }
}
