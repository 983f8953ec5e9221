package io.emporium.bench;

import io.emporium.bench.load.Load;
import io.emporium.bench.load.LoadResult;
import io.emporium.bench.proc.CpuMeter;
import io.emporium.bench.proxy.AwsCall;
import io.emporium.bench.proxy.CallCounts;
import io.emporium.bench.proxy.Exchange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured load with its CPU, the cart's requests and the exchanges captured meanwhile, and how
 * the phases put its cost per operation: CPU by process, requests by API.
 */
record Measured(
    LoadResult load,
    CpuMeter.Usage usage,
    double motoAboveIdle,
    CallCounts calls,
    List<Exchange> captured) {

  static Measured of(Run run, String name, Load.Action action) {
    CallCounts callsBefore = run.proxy.snapshot();
    CpuMeter.Snapshot before = run.cpu.snapshot();
    run.proxy.capture(c -> c.client().equals("cart") && c.service().equals("dynamodb"));
    LoadResult load =
        run.load.closed(
            name,
            run.settings.connections(),
            run.settings.warmUp(),
            run.settings.measure(),
            action);
    List<Exchange> captured = run.proxy.stopCapture();
    CpuMeter.Usage usage = run.cpu.snapshot().since(before);
    CallCounts calls = run.proxy.snapshot().minus(callsBefore);
    run.say.accept("  " + load.summary());
    // CPU and requests cover warm-up too: scale to the measured answers by the share of time.
    double share = load.seconds() / usage.seconds();
    double moto = usage.aboveIdle(run.idle, List.of("moto")) * share;
    return new Measured(load, usage, moto, scaled(calls, share), captured);
  }

  private static CallCounts scaled(CallCounts calls, double share) {
    Map<AwsCall, Long> out = new HashMap<>();
    calls.counts().forEach((c, v) -> out.put(c, Math.round(v * share)));
    return new CallCounts(out);
  }

  /** CPU ms per answered request, by process, above each one's idle rate; the bench itself too. */
  String cpuPerOperation(Run run) {
    double share = load.seconds() / usage.seconds();
    StringBuilder out = new StringBuilder();
    for (String name : run.cpu.processes().keySet().stream().sorted().toList()) {
      double ms = usage.aboveIdle(run.idle, List.of(name)) * share / Math.max(1, load.ok());
      double jit = usage.of(name + CpuMeter.JIT) * share / Math.max(1, load.ok());
      if (ms >= 0.05) {
        out.append(out.isEmpty() ? "" : ", ").append("%s %.1f".formatted(name, ms));
        if (jit >= 0.05) {
          out.append(" (JIT %.1f)".formatted(jit));
        }
      }
    }
    return out.append(
            " ms (JIT: the compiler threads, still compiling hot code; bench: the load generator"
                + " and the counting proxy)")
        .toString();
  }

  /** "N ms in all (M without JIT compilation)", over the shop's processes. */
  String cpuInAll(Run run) {
    double share = load.seconds() / usage.seconds();
    double jit = 0;
    for (String name : Run.everything(run.cpu)) {
      jit += usage.of(name + CpuMeter.JIT) * share / Math.max(1, load.ok());
    }
    double all = cpuTotal(run);
    return "%.1f ms in all (%.1f without JIT compilation)".formatted(all, all - jit);
  }

  private double cpuTotal(Run run) {
    double share = load.seconds() / usage.seconds();
    return usage.aboveIdle(
            run.idle,
            run.cpu.processes().keySet().stream().filter(n -> !n.equals("bench")).toList())
        * share
        / Math.max(1, load.ok());
  }

  static String perAdd(CallCounts calls, long adds) {
    return perAdd(calls, "cart", adds);
  }

  /** {@code client}'s requests by API, per {@code per} (e.g. per add, per order). */
  static String perAdd(CallCounts calls, String client, long adds) {
    StringBuilder out = new StringBuilder();
    calls
        .byApi(c -> c.client().equals(client))
        .forEach(
            (api, count) -> {
              if (out.length() > 0) {
                out.append(", ");
              }
              out.append("%s %.2f".formatted(api, count / (double) Math.max(1, adds)));
            });
    return out.toString();
  }
}
