package io.emporium.bench;

import io.emporium.bench.proc.CpuMeter;
import io.emporium.bench.proxy.AwsCall;
import io.emporium.bench.proxy.CallCounts;
import java.util.List;
import java.util.function.Predicate;

/** A stretch of a run: the CPU each process used and the AWS requests counted meanwhile. */
final class Window {

  private final Run run;
  private final CpuMeter.Snapshot cpu;
  private final CallCounts calls;

  private Window(Run run) {
    this.run = run;
    this.cpu = run.cpu.snapshot();
    this.calls = run.proxy.snapshot();
  }

  static Window open(Run run) {
    return new Window(run);
  }

  Result close() {
    return new Result(run, run.cpu.snapshot().since(cpu), run.proxy.snapshot().minus(calls));
  }

  record Result(Run run, CpuMeter.Usage usage, CallCounts calls) {

    /** Requests per order by API, of the calls {@code which} selects. */
    String perOrder(long orders, Predicate<AwsCall> which) {
      StringBuilder out = new StringBuilder();
      calls.byApi(which).entrySet().stream()
          .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
          .forEach(
              e -> {
                if (out.length() > 0) {
                  out.append(", ");
                }
                out.append(
                    "%s %.1f".formatted(e.getKey(), e.getValue() / (double) Math.max(1, orders)));
              });
      return out.toString();
    }

    /** CPU milliseconds per order of each process, above its idle rate. */
    String cpuPerOrder(long orders) {
      StringBuilder out = new StringBuilder();
      for (String name : Run.everything(run.cpu)) {
        double ms = usage.aboveIdle(run.idle, List.of(name)) / Math.max(1, orders);
        if (ms >= 0.5) {
          if (out.length() > 0) {
            out.append(", ");
          }
          out.append("%s %.0f".formatted(name, ms));
        }
      }
      return out.toString();
    }

    /** What the measured window says limits the checkout's latency. */
    String limits(long orders) {
      return ("over the window moto used %.0f %% of a core and all processes together %.0f %% of the"
              + " machine's %d cores; per confirmed order: %s ms of CPU and %s AWS requests")
          .formatted(
              100 * usage.coreShare("moto"),
              100
                  * usage.total()
                  / 1000.0
                  / usage.seconds()
                  / Runtime.getRuntime().availableProcessors(),
              Runtime.getRuntime().availableProcessors(),
              cpuPerOrder(orders),
              perOrder(orders, c -> !c.client().equals(AwsCall.UNSIGNED)));
    }

    /** Who sends the messaging requests, per order, by service. */
    String messagingLimits(long orders) {
      StringBuilder out = new StringBuilder("per confirmed order, by service: ");
      for (String service : Run.SERVICES) {
        long n = calls.total(c -> c.client().equals(service) && CallCounts.messaging(c));
        out.append("%s %.1f, ".formatted(service, n / (double) Math.max(1, orders)));
      }
      out.append(
          "counted over the phase and its drain (idle long polls of every queue's listeners"
              + " included, as a deployment pays them)");
      return out.toString();
    }
  }
}
