package io.emporium.bench.proc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's resident memory goes, asked of the JVM itself: {@code jcmd <pid> GC.heap_info} (the
 * heap's generations), {@code VM.metaspace} and {@code Compiler.codecache}; the thread count from
 * /proc. JDK 25's serial GC no longer prints the metaspace in {@code GC.heap_info} (JDK 17's did),
 * hence the three commands.
 */
public final class JvmMemory {

  /** Serial and parallel GC: "total 116160K, used 31021K" per generation; G1: "committed …". */
  private static final Pattern GENERATION =
      Pattern.compile("(?:total|committed) (\\d+)K, used (\\d+)K");

  private static final Pattern METASPACE =
      Pattern.compile("Metaspace\\s+used (\\d+)K, committed (\\d+)K");
  private static final Pattern CODE_CACHE =
      Pattern.compile("CodeCache: size=\\d+Kb,? used=(\\d+)Kb");
  private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");

  private JvmMemory() {}

  /**
   * "heap 180 MB committed (95 MB used), metaspace 90 MB, code cache 40 MB, 60 threads; the rest of
   * the RSS …", or why the JVM could not tell.
   */
  public static String of(long pid, double rssMb) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    String id = Long.toString(pid);
    String heap = Machine.output(jcmd, id, "GC.heap_info");
    String summary =
        summary(
            heap,
            Machine.output(jcmd, id, "VM.metaspace"),
            Machine.output(jcmd, id, "Compiler.codecache"),
            status(pid),
            rssMb);
    if (!summary.isEmpty()) {
      return summary;
    }
    String why = heap.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no answer");
    return "jcmd could not tell (" + why.strip() + ")";
  }

  /**
   * The JVM's own accounting from the three jcmd outputs and /proc/<pid>/status, and what of {@code
   * rssMb} it leaves unexplained; "" when the heap or the metaspace cannot be read.
   */
  static String summary(
      String heapInfo, String metaspace, String codeCache, String status, double rssMb) {
    long total = 0;
    long used = 0;
    Matcher g = GENERATION.matcher(heapInfo);
    while (g.find()) {
      total += Long.parseLong(g.group(1));
      used += Long.parseLong(g.group(2));
    }
    Matcher m = METASPACE.matcher(metaspace);
    if (total == 0 || !m.find()) {
      return "";
    }
    long meta = Long.parseLong(m.group(2));
    StringBuilder out =
        new StringBuilder(
            "heap %d MB committed (%d MB used), metaspace %d MB"
                .formatted(total / 1024, used / 1024, meta / 1024));
    long accounted = total + meta;
    Matcher c = CODE_CACHE.matcher(codeCache);
    if (c.find()) {
      long code = Long.parseLong(c.group(1));
      accounted += code;
      out.append(", code cache %d MB".formatted(code / 1024));
    }
    Matcher t = THREADS.matcher(status);
    if (t.find()) {
      out.append(", %s threads".formatted(t.group(1)));
    }
    long rest = Math.round(rssMb - accounted / 1024.0);
    if (rssMb > 0) {
      out.append(
          rest >= 0
              ? "; the other %d MB of the RSS: thread stacks, GC and JIT structures, the class-data archive, native buffers, malloc"
                  .formatted(rest)
              : "; the heap is committed but not all of it touched, so the RSS is below the sum");
    }
    return out.toString();
  }

  private static String status(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "status"));
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
