package io.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.local.FreePorts;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTests {

  private static final Path REPO = Path.of("/repo");

  @Test
  void standardSettingsUseTheDocumentedPortsAndKeepDataUnderDotEmporium() {
    StackSettings settings = StackSettings.standard(REPO);

    assertThat(settings.ports().all())
        .containsExactly(
            Map.entry("edge", 8080),
            Map.entry("catalog", 8081),
            Map.entry("cart", 8082),
            Map.entry("order", 8083),
            Map.entry("payment", 8084),
            Map.entry("notification", 8085),
            Map.entry("aws", 4566),
            Map.entry("postgres", 15432),
            Map.entry("psp", 8086));
    assertThat(settings.stateDir()).isEqualTo(REPO.resolve(".emporium"));
    assertThat(settings.keepData()).isTrue();
    assertThat(settings.postgresData()).isEqualTo(REPO.resolve(".emporium/data/postgres"));
    assertThat(settings.log("order")).isEqualTo(REPO.resolve(".emporium/logs/order.log"));
    assertThat(settings.jar("payment"))
        .isEqualTo(REPO.resolve("services/payment/target/payment.jar"));
  }

  @Test
  void isolatedSettingsUseDistinctFreePortsBelowTheEphemeralRangeAndThrowawayData() {
    StackSettings settings = StackSettings.isolated(REPO, Path.of("/tmp/stack"));

    var ports = settings.ports().all().values();
    assertThat(new HashSet<>(ports)).hasSize(9);
    assertThat(ports).allSatisfy(p -> assertThat(p).isBetween(20000, 32000));
    assertThat(ports).allSatisfy(p -> assertThat(FreePorts.isFree(p)).isTrue());
    assertThat(settings.keepData()).isFalse();
    assertThat(settings.runDir()).isEqualTo(Path.of("/tmp/stack/run"));
  }

  @Test
  void withArgsAddsToAServiceWithoutChangingTheOriginal() {
    StackSettings base = StackSettings.standard(REPO);

    StackSettings more =
        base.withArgs("order", "--a=1").withArgs("order", "--b=2").withArgs("edge", "--c=3");

    assertThat(more.argsOf("order")).containsExactly("--a=1", "--b=2");
    assertThat(more.argsOf("edge")).containsExactly("--c=3");
    assertThat(more.argsOf("cart")).isEmpty();
    assertThat(base.argsOf("order")).isEmpty();
  }

  @Test
  void rejectsArgsForAnUnknownService() {
    assertThatThrownBy(() -> StackSettings.standard(REPO).withArgs("shipping", "--x=1"))
        .hasMessageContaining("shipping");
  }

  @Test
  void portsMustBeDistinct() {
    assertThatThrownBy(() -> new Ports(8080, 8080, 8082, 8083, 8084, 8085, 4566, 15432, 8086))
        .hasMessageContaining("8080");
    assertThatThrownBy(() -> Ports.standard().of("shipping")).hasMessageContaining("shipping");
  }

  @Test
  void servicesAndDatabasesAreTheFiveServicesAndThePaymentProviderSimulator() {
    assertThat(StackSettings.SERVICES)
        .containsExactly("catalog", "cart", "order", "payment", "notification");
    assertThat(StackSettings.PROCESSES)
        .containsAll(StackSettings.SERVICES)
        .contains(StackSettings.EDGE, StackSettings.PAYMENT_PROVIDER)
        .hasSize(7);
    assertThat(StackSettings.DATABASES)
        .containsExactly("catalog", "order", "payment", "notification", "psp");
    assertThat(StackSettings.PROCESSES).containsAll(StackSettings.DATABASES);
  }
}
