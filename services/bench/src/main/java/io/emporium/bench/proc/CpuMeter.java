package io.emporium.bench.proc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU milliseconds of named processes (the services, the emulator, PostgreSQL) at a moment,
 * and, under {@code <name>}{@value #JIT}, what their JIT compiler threads used of it.
 */
public final class CpuMeter {

  /** The suffix of a process's JIT compiler share (e.g. {@code cart#jit}). */
  public static final String JIT = "#jit";

  private final Map<String, ProcessHandle> processes;

  public CpuMeter(Map<String, ProcessHandle> processes) {
    this.processes = new LinkedHashMap<>(processes);
  }

  public Snapshot snapshot() {
    Map<String, Double> cpu = new LinkedHashMap<>();
    long self = ProcessHandle.current().pid();
    processes.forEach(
        (name, process) ->
            cpu.put(
                name,
                process.pid() == self
                    ? ProcStat.ownCpuMillis(process) // its descendants are the whole shop
                    : ProcStat.cpuMillis(process)));
    processes.forEach((name, process) -> cpu.put(name + JIT, ProcStat.jitMillis(process)));
    return new Snapshot(System.nanoTime(), cpu);
  }

  public Map<String, ProcessHandle> processes() {
    return Map.copyOf(processes);
  }

  /** CPU milliseconds per process at {@code nanos}. */
  public record Snapshot(long nanos, Map<String, Double> cpuMillis) {

    /** CPU used per process since {@code before}, and the seconds between them. */
    public Usage since(Snapshot before) {
      Map<String, Double> used = new LinkedHashMap<>();
      cpuMillis.forEach((name, ms) -> used.put(name, ms - before.cpuMillis.getOrDefault(name, ms)));
      return new Usage((nanos - before.nanos) / 1e9, used);
    }
  }

  /** CPU milliseconds each process used in a window of {@code seconds}. */
  public record Usage(double seconds, Map<String, Double> millis) {

    public double of(String name) {
      return millis.getOrDefault(name, 0.0);
    }

    public double total() {
      return millis.entrySet().stream()
          .filter(e -> !e.getKey().endsWith(JIT))
          .mapToDouble(Map.Entry::getValue)
          .sum();
    }

    /** CPU share of one core, e.g. 0.93 for 93 %. */
    public double coreShare(String name) {
      return seconds <= 0 ? 0 : of(name) / 1000.0 / seconds;
    }

    /**
     * This window's CPU of {@code names} above what they use idle ({@code idle}, scaled to this
     * window's length), never below 0.
     */
    public double aboveIdle(Usage idle, Iterable<String> names) {
      double sum = 0;
      for (String name : names) {
        double idlePerSecond = idle.seconds <= 0 ? 0 : idle.of(name) / idle.seconds;
        sum += Math.max(0, of(name) - idlePerSecond * seconds);
      }
      return sum;
    }
  }
}
