package io.emporium.bench;

import io.emporium.bench.proc.JvmMemory;
import io.emporium.bench.proc.ProcStat;
import io.emporium.bench.report.Figure;
import io.emporium.launcher.StackSettings;

/** Figure 6's memory after warm-up: each JVM of the stack after every load phase so far. */
final class Memory {

  private Memory() {}

  static void afterLoad(Run run) {
    StringBuilder others = new StringBuilder();
    for (String name : StackSettings.PROCESSES) {
      double rss = ProcStat.rssMegabytes(run.stack.serviceProcess(name).pid());
      if (StackSettings.SERVICES.contains(name)) {
        run.add(
            new Figure(
                6,
                name + ": RSS after the load",
                "%.0f MB".formatted(rss),
                "≤ 200 MB",
                Figure.Verdict.of(rss <= 200),
                "fat jar, no AOT cache, -Xmx384m, serial GC, full JIT",
                rss <= 200
                    ? ""
                    : "the JVM says: " + JvmMemory.of(run.stack.serviceProcess(name).pid(), rss)));
      } else {
        others.append("%s %.0f MB, ".formatted(name, rss));
      }
    }
    run.add(
        Figure.info(
            6,
            "local stand-ins: RSS after the load",
            others.toString().replaceAll(", $", ""),
            "not deployed to AWS"));
  }
}
