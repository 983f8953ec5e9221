package io.emporium.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on: CPU, cores, memory, load, versions of the tools. */
public record Machine(String cpu, int cores, double memoryGb, String loadAverage) {

  public static Machine here() {
    return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memory(), load());
  }

  /** The 1, 5 and 15 minute load averages now. */
  public static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The first line a command prints (e.g. a version), or "unknown". */
  public static String firstLine(String... command) {
    String out = output(command).trim();
    return out.isEmpty() ? "unknown" : out.lines().findFirst().orElse("unknown");
  }

  /** What a command prints (stdout and stderr), "" when it cannot run. */
  public static String output(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor(20, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal:"))
              .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
              .findFirst()
              .orElse(0)
          / 1024.0
          / 1024.0;
    } catch (IOException e) {
      return 0;
    }
  }
}
