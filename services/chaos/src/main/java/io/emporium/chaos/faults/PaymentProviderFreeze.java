package io.emporium.chaos.faults;

import java.io.IOException;
import java.time.Duration;

/**
 * The payment provider hanging: its process frozen (SIGSTOP) at {@code at} for {@code lasting},
 * then resumed (SIGCONT) with its state. Every call to it times out meanwhile. (Its slow and
 * failing test cards are in the load's card mix.)
 */
public record PaymentProviderFreeze(Duration at, Duration lasting) implements Fault {

  @Override
  public String describe() {
    return "payment provider frozen " + lasting.toSeconds() + " s; cards answered late or with 500";
  }

  @Override
  public void inject(FaultContext context) throws InterruptedException {
    context.sleepUntil(at);
    ProcessHandle psp = context.stack().shop().serviceProcess("psp");
    context.say("freezing the payment provider for " + lasting.toSeconds() + " s");
    signal("STOP", psp);
    try {
      Thread.sleep(lasting);
    } finally {
      signal("CONT", psp);
    }
  }

  static void signal(String signal, ProcessHandle process) throws InterruptedException {
    try {
      int exit =
          new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
              .inheritIO()
              .start()
              .waitFor();
      if (exit != 0) {
        throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill", e);
    }
  }
}
