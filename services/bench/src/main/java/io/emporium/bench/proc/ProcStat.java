package io.emporium.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of processes, read from /proc (Linux). CPU is user + system time of
 * the process, plus that of its children it has waited for (PostgreSQL's ended backends), plus its
 * live descendants' (PostgreSQL's backends).
 */
public final class ProcStat {

  /** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
  static final double TICKS_PER_SECOND = 100.0;

  private ProcStat() {}

  /** CPU milliseconds of {@code process} and its descendants; 0 when it is gone. */
  public static double cpuMillis(ProcessHandle process) {
    double total = ownAndWaited(process.pid());
    for (ProcessHandle child : process.descendants().toList()) {
      total += own(child.pid());
    }
    return total;
  }

  /**
   * CPU milliseconds of {@code process} alone (its own threads; not its descendants): for the
   * bench's own JVM, whose descendants are the whole shop.
   */
  public static double ownCpuMillis(ProcessHandle process) {
    return own(process.pid());
  }

  /**
   * CPU milliseconds of the JIT compiler threads of {@code process} (HotSpot names them {@code C1
   * CompilerThre…} and {@code C2 CompilerThre…}); 0 for a process without any.
   */
  public static double jitMillis(ProcessHandle process) {
    Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
    double total = 0;
    try (var threads = Files.list(tasks)) {
      for (Path task : threads.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            long[] f = parse(stat);
            total += (f[0] + f[1]) * 1000.0 / TICKS_PER_SECOND;
          }
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
    return total;
  }

  /** Resident set size in MB, 0 when the process is gone. */
  public static double rssMegabytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
      return 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static double own(long pid) {
    long[] fields = fields(pid);
    return fields == null ? 0 : (fields[0] + fields[1]) * 1000.0 / TICKS_PER_SECOND;
  }

  private static double ownAndWaited(long pid) {
    long[] f = fields(pid);
    return f == null ? 0 : (f[0] + f[1] + f[2] + f[3]) * 1000.0 / TICKS_PER_SECOND;
  }

  /** utime, stime, cutime, cstime of /proc/<pid>/stat, or null. */
  static long[] fields(long pid) {
    try {
      return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException e) {
      return null;
    }
  }

  /** Fields 14 to 17 of a stat line; the command (field 2) may hold spaces and parentheses. */
  static long[] parse(String stat) {
    String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // rest[0] is field 3 (state): utime is field 14 -> rest[11].
    return new long[] {
      Long.parseLong(rest[11]),
      Long.parseLong(rest[12]),
      Long.parseLong(rest[13]),
      Long.parseLong(rest[14])
    };
  }
}
