package io.emporium.bench.proc;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's resident memory goes, asked of the JVM itself ({@code jcmd <pid> GC.heap_info}).
 */
public final class JvmMemory {

  private static final Pattern GENERATION = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private static final Pattern METASPACE =
      Pattern.compile("Metaspace\\s+used (\\d+)K, committed (\\d+)K");

  private JvmMemory() {}

  /** "heap 180 MB committed (95 MB used), metaspace 90 MB", or "" when jcmd cannot tell. */
  public static String of(long pid) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    String out = Machine.output(jcmd, Long.toString(pid), "GC.heap_info");
    return summary(out);
  }

  static String summary(String heapInfo) {
    long total = 0;
    long used = 0;
    Matcher g = GENERATION.matcher(heapInfo);
    while (g.find()) {
      total += Long.parseLong(g.group(1));
      used += Long.parseLong(g.group(2));
    }
    Matcher m = METASPACE.matcher(heapInfo);
    if (total == 0 || !m.find()) {
      return "";
    }
    return "heap %d MB committed (%d MB used), metaspace %d MB"
        .formatted(total / 1024, used / 1024, Long.parseLong(m.group(2)) / 1024);
  }
}
