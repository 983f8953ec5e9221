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

  @Test
  void summarisesTheJvmsHeapInfo() {
    String heapInfo =
        """
         def new generation   total 9216K, used 4096K [0x0, 0x0, 0x0)
         tenured generation   total 20480K, used 10240K [0x0, 0x0, 0x0)
         Metaspace       used 60000K, committed 61440K, reserved 1114112K
        """;

    assertThat(JvmMemory.summary(heapInfo))
        .isEqualTo("heap 29 MB committed (14 MB used), metaspace 60 MB");
    assertThat(JvmMemory.summary("no such process")).isEmpty();
  }
}
