package io.emporium.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service started with exactly the environment its rendered dev chart gives its container
 * (ConfigMap, plain values, the database secret's keys), becomes ready: a setting the chart does
 * not give can no longer hide behind a localhost default that only works on a laptop. Only what
 * must point at the stand-ins changes ({@link ClusterStandIns#environment}); the profile is the
 * chart's ({@code dev}, not {@code local}), so nothing is provisioned by the service itself.
 *
 * <p>And the check can fail: the cart without the catalog URL its chart gives it does not start.
 */
class ChartEnvironmentIntegrationTests {

  private static final String ENV = "dev";
  private static final Duration STARTUP = Duration.ofMinutes(4);

  private static ClusterStandIns standIns;

  static List<String> services() {
    return Charts.services();
  }

  @BeforeAll
  static void start() {
    standIns = ClusterStandIns.start();
  }

  @AfterAll
  static void stop() {
    if (standIns != null) {
      standIns.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void serviceBecomesReadyWithTheEnvironmentItsChartGivesIt(String service) throws Exception {
    ContainerEnvironment chart = ContainerEnvironment.of(service, ENV);
    Map<String, String> environment = standIns.environment(service, chart);

    assertThat(environment)
        .containsEntry("SPRING_PROFILES_ACTIVE", ENV)
        .containsKeys(
            "EMPORIUM_IDENTITY_REGION",
            "EMPORIUM_IDENTITY_USER_POOL_ID",
            "EMPORIUM_IDENTITY_CLIENT_ID");
    try (ServiceJvm jvm = ServiceJvm.start(service, service + "-" + ENV, environment)) {
      assertThat(jvm.awaitReady(STARTUP))
          .as("%s ready with its chart's environment; log tail:\n%s", service, jvm.logTail())
          .isTrue();
    }
  }

  @Test
  void cartWithoutTheCatalogUrlOfItsChartFailsAtStartup() throws Exception {
    ContainerEnvironment chart = ContainerEnvironment.of("cart", ENV);
    Map<String, String> environment = standIns.environment("cart", chart);
    assertThat(environment.remove("EMPORIUM_CATALOG_URL"))
        .isEqualTo("http://catalog.emporium.svc.cluster.local:8081");

    try (ServiceJvm jvm = ServiceJvm.start("cart", "cart-without-catalog-url", environment)) {
      int exit = jvm.awaitExit(STARTUP);

      assertThat(exit)
          .as("the cart exits by itself, failing; log tail:\n%s", jvm.logTail())
          .isPositive();
      assertThat(jvm.log()).contains("EMPORIUM_CATALOG_URL");
    }
  }
}
