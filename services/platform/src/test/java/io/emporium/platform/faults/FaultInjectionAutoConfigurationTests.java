package io.emporium.platform.faults;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultInjectionAutoConfigurationTests {

  @Test
  void theFaultSwitchStartsOnlyAgainstAnEmulatorOnThisMachine() {
    assertThatCode(
            () -> FaultInjectionAutoConfiguration.requireLocalEndpoint("http://127.0.0.1:4566"))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> FaultInjectionAutoConfiguration.requireLocalEndpoint("http://localhost:4566"))
        .doesNotThrowAnyException();
  }

  @Test
  void theFaultSwitchRefusesAwsOrAnyOtherHost() {
    for (String endpoint :
        new String[] {null, "", "https://sqs.eu-west-1.amazonaws.com", "http://10.0.0.5:4566"}) {
      assertThatThrownBy(() -> FaultInjectionAutoConfiguration.requireLocalEndpoint(endpoint))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("fault-injection");
    }
  }
}
