package io.emporium.chaos.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * kill -9 of each service at a random moment of the load, restarted after {@code downFor}: no
 * graceful shutdown, in-flight requests, messages and transactions cut wherever they were.
 */
public record ServiceKills(List<String> services, Duration downFor) implements Fault {

  @Override
  public String describe() {
    return "kill -9 of "
        + String.join(", ", services)
        + " (each down "
        + downFor.toSeconds()
        + " s)";
  }

  @Override
  public void inject(FaultContext context) throws InterruptedException {
    List<String> order = new ArrayList<>(services);
    Collections.shuffle(order, new java.util.Random(context.random().nextLong()));
    List<Duration> moments = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      moments.add(context.randomMoment(0.8));
    }
    Collections.sort(moments);
    for (int i = 0; i < order.size(); i++) {
      context.sleepUntil(moments.get(i));
      String service = order.get(i);
      context.stack().shop().killService(service);
      Thread.sleep(downFor);
      context.stack().shop().startService(service);
    }
  }
}
