package io.emporium.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.platform.messaging.inbox.InboundFaults;
import io.emporium.platform.web.InvalidRequestException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FaultInjectionAutoConfigurationTests {

  private final ApplicationContextRunner service =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(FaultInjectionAutoConfiguration.class))
          .withPropertyValues("emporium.messaging.service=order");

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

  @Test
  void aServiceWithoutTheProfileHasNoSwitchEvenOnAnEmulator() {
    service
        .withPropertyValues(
            "spring.cloud.aws.endpoint=http://127.0.0.1:4566",
            "emporium.faults.inbound-types=order.OrderPlaced.v1")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(InboundFaults.class);
              assertThat(context).doesNotHaveBean(FaultSwitchController.class);
            });
  }

  @Test
  void aServiceGivenTheProfileInAwsRefusesToStart() {
    service
        .withPropertyValues("spring.profiles.active=" + FaultInjectionAutoConfiguration.PROFILE)
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("for tests on a local emulator only"));
  }

  @Test
  void theProfileOnALocalEmulatorGivesTheSwitchWithTheConfiguredTypes() {
    service
        .withPropertyValues(
            "spring.profiles.active=" + FaultInjectionAutoConfiguration.PROFILE,
            "spring.cloud.aws.endpoint=http://127.0.0.1:4566",
            "emporium.faults.inbound-types=order.OrderPlaced.v1")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(InboundFaults.class).failingTypes())
                  .containsExactly("order.OrderPlaced.v1");
              assertThat(context).hasSingleBean(FaultSwitchController.class);
            });
  }

  @Test
  void theSwitchRefusesANullOrUnknownTypeAsABadRequestAndKeepsItsState() {
    InboundFaults faults = new InboundFaults(Set.of("order.OrderPlaced.v1"));
    FaultSwitchController controller = new FaultSwitchController(faults);
    Set<String> withNull = new HashSet<>();
    withNull.add(null);

    for (Set<String> types : List.of(withNull, Set.of("no.Such.v1"))) {
      assertThatThrownBy(() -> controller.put(new FaultSwitchController.Switch(types)))
          .isInstanceOf(InvalidRequestException.class);
    }
    assertThat(faults.failingTypes()).containsExactly("order.OrderPlaced.v1");
    assertThat(controller.put(new FaultSwitchController.Switch(null)).types()).isEmpty();
  }
}
