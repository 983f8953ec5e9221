package io.emporium.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcStatTests {

  @Test
  void readsCpuTicksEvenWhenTheCommandHasSpacesAndParentheses() {
    String stat =
        "4242 (moto (server) x) S 1 4242 4242 0 -1 4194304 9000 0 0 0 150 25 7 3 20 0 4 0";

    assertThat(ProcStat.parse(stat)).containsExactly(150, 25, 7, 3);
  }

  @Test
  void thisJvmHasUsedCpuAndMemory() {
    ProcessHandle self = ProcessHandle.current();

    assertThat(ProcStat.cpuMillis(self)).isPositive();
    assertThat(ProcStat.rssMegabytes(self.pid())).isPositive();
  }

  @Test
  void usageAboveIdleSubtractsTheIdleRateScaledToTheWindow() {
    CpuMeter.Usage idle = new CpuMeter.Usage(10, Map.of("moto", 100.0, "cart", 50.0));
    CpuMeter.Usage busy = new CpuMeter.Usage(2, Map.of("moto", 1000.0, "cart", 5.0));

    // moto: 1000 - 10/s * 2 s; cart is below its idle rate: 0.
    assertThat(busy.aboveIdle(idle, java.util.List.of("moto", "cart"))).isEqualTo(980.0);
    assertThat(busy.coreShare("moto")).isEqualTo(0.5);
  }

  // What jcmd answers on JDK 25 for a serial-GC JVM (GC.heap_info names no metaspace any more).
  private static final String HEAP_INFO =
      """
      23118:
      DefNew     total 116160K, used 31021K [0x00000000e8000000, 0x00000000efe00000, 0x00000000f0000000)
       eden space 103296K,  30% used [0x00000000e8000000, 0x00000000e9e4b538, 0x00000000ee4e0000)
       from space 12864K,   0% used [0x00000000ee4e0000, 0x00000000ee4e0000, 0x00000000ef170000)
       to   space 12864K,   0% used [0x00000000ef170000, 0x00000000ef170000, 0x00000000efe00000)
      Tenured    total 258048K, used 1166K [0x00000000f0000000, 0x00000000ffc00000, 0x0000000100000000)
       the  space 258048K,   0% used [0x00000000f0000000, 0x00000000f0123ab8, 0x00000000ffc00000)
      """;
  private static final String METASPACE =
      """
      23455:
      Metaspace        used 92750K, committed 94720K, reserved 1114112K
       class space     used 11260K, committed 12160K, reserved 1048576K

      Total Usage - 40 loaders, 2815 classes (1194 shared):
      """;
  private static final String CODE_CACHE =
      """
      23455:
      CodeHeap 'non-profiled nmethods': size=120036Kb used=341Kb max_used=341Kb free=119694Kb
      CodeCache: size=245764Kb, used=40960Kb, max_used=41000Kb, free=204804Kb
       total_blobs=1764, nmethods=1309, adapters=361, full_count=0
      """;
  private static final String STATUS = "Name:\tjava\nVmRSS:\t409600 kB\nThreads:\t61\n";

  @Test
  void summarisesWhatTheJvmSaysItsMemoryHolds() {
    // heap 116160 + 258048 K = 365 MB committed, 31021 + 1166 K = 31 MB used; metaspace 92 MB
    // committed; code cache 40 MB: 498 MB in all, 2 MB less than the 500 MB RSS.
    assertThat(JvmMemory.summary(HEAP_INFO, METASPACE, CODE_CACHE, STATUS, 500))
        .isEqualTo(
            "heap 365 MB committed (31 MB used), metaspace 92 MB, code cache 40 MB, 61 threads;"
                + " the other 2 MB of the RSS: thread stacks, GC and JIT structures, the"
                + " class-data archive, native buffers, malloc");
  }

  @Test
  void saysWhenTheRssIsBelowWhatTheJvmCommitted() {
    assertThat(JvmMemory.summary(HEAP_INFO, METASPACE, CODE_CACHE, STATUS, 300))
        .endsWith("; the heap is committed but not all of it touched, so the RSS is below the sum");
  }

  @Test
  void saysNothingWhenTheJvmDidNotAnswerItsHeapOrMetaspace() {
    assertThat(JvmMemory.summary("123: no such process", METASPACE, CODE_CACHE, STATUS, 400))
        .isEmpty();
    assertThat(JvmMemory.summary(HEAP_INFO, "", CODE_CACHE, STATUS, 400)).isEmpty();
  }

  @Test
  void asksARunningJvmAndGetsAnAnswer() {
    double rss = ProcStat.rssMegabytes(ProcessHandle.current().pid());

    assertThat(JvmMemory.of(ProcessHandle.current().pid(), rss))
        .startsWith("heap ")
        .contains("metaspace");
  }
}
