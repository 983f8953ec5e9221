package io.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.local.FreePorts;
import io.emporium.local.ProcessTrees;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real {@code ./emporium up}, as a developer runs it: fixed ports (edge 8080, services
 * 8081..8085, moto 4566, PostgreSQL 15432), its own state folder. The tests run in order: the order
 * placed by the first (as the demo shopper, signed in with the password {@code up} printed) is
 * looked for after {@code down} + {@code up} by the last, signed in again with the new password.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPlatformE2ETests {

  private static final Path ROOT =
      Path.of(System.getProperty("emporium.repo.root", "../..")).toAbsolutePath().normalize();
  private static final URI EDGE = URI.create("http://127.0.0.1:8080");
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(90);

  private static Path stateDir;
  private static String checkoutId;
  private EmporiumCommand up;

  @BeforeAll
  static void stateFolderAndFreePorts() throws IOException {
    Files.createDirectories(ROOT.resolve("services/launcher/target"));
    stateDir = Files.createTempDirectory(ROOT.resolve("services/launcher/target"), "e2e-state-");
    Ports.standard()
        .all()
        .forEach(
            (component, port) -> {
              if (!FreePorts.isFree(port)) {
                fail(
                    "port %d (%s) is taken: stop whatever runs there (./emporium down?) first"
                        .formatted(port, component));
              }
            });
  }

  @AfterEach
  void stopWhateverIsLeft() {
    if (up != null && up.handle().isAlive()) {
      EmporiumCommand.start(ROOT, stateDir, "down").await(Duration.ofMinutes(3));
    }
  }

  @AfterAll
  static void removeStateFolder() throws IOException {
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  @Test
  @Order(1)
  void upRunsTheShopSoACheckoutThroughTheEdgeIsConfirmedAndStoppingLeavesNothingRunning() {
    up = startUp();
    List<ProcessHandle> started = up.startedProcesses();
    // launcher, 6 JVMs (5 services, edge), the payment provider simulator, moto, postgres
    assertThat(started).hasSizeGreaterThanOrEqualTo(10);

    EmporiumCommand second = EmporiumCommand.start(ROOT, stateDir, "up");
    assertThat(second.await(Duration.ofMinutes(2))).as("a second up").isNotZero();
    assertThat(second.output())
        .contains("port 8080 (edge) is taken")
        .contains("is ./emporium up already running?");
    assertThat(up.handle().isAlive()).as("the first up still runs").isTrue();

    ShopClient shop = ShopClient.demoUser(EDGE, up.output(), "shopper");
    String sku = "E2E-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    ShopClient.demoUser(EDGE, up.output(), "admin").createProduct(sku, 2_500, 5);
    shop.addToCart(sku, 2);
    checkoutId = shop.checkout();
    JsonNode order = awaitStatus(shop, checkoutId, "CONFIRMED");
    assertThat(order.path("total").path("amountMinor").asLong()).isEqualTo(5_000);

    up.handle().destroy(); // what Ctrl-C does: the launcher's shutdown stops what it started
    assertThat(ProcessTrees.awaitExit(List.of(up.handle()), Duration.ofMinutes(2))).isTrue();
    assertThat(ProcessTrees.awaitExit(started, Duration.ofSeconds(30)))
        .as("every process ./emporium up started has stopped")
        .isTrue();
    assertThat(started).noneMatch(ProcessHandle::isAlive);
    assertAllPortsFree();
  }

  @Test
  @Order(2)
  void ordersSurviveDownAndUpAndDownStopsEveryProcess() {
    assertThat(checkoutId).as("the first test placed an order").isNotNull();
    up = startUp();
    List<ProcessHandle> started = up.startedProcesses();

    JsonNode order = ShopClient.demoUser(EDGE, up.output(), "shopper").orderOf(checkoutId);

    assertThat(order).as("the demo shopper's order placed before down + up").isNotNull();
    assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
    EmporiumCommand down = EmporiumCommand.start(ROOT, stateDir, "down");
    assertThat(down.await(Duration.ofMinutes(3))).as(down.output()).isZero();
    assertAllPortsFree();
    assertThat(ProcessTrees.awaitExit(started, Duration.ofSeconds(30)))
        .as("every process ./emporium up started has stopped")
        .isTrue();
    assertThat(started).noneMatch(ProcessHandle::isAlive);
  }

  private static EmporiumCommand startUp() {
    EmporiumCommand command = EmporiumCommand.start(ROOT, stateDir, "up");
    command.awaitOutput("ready in", UP_TIMEOUT);
    assertThat(command.output())
        .contains("Emporium is up: " + EDGE, "/api/order/docs", "shopper@emporium.local");
    return command;
  }

  private static JsonNode awaitStatus(ShopClient shop, String checkoutId, String status) {
    Instant deadline = Instant.now().plus(SAGA_TIMEOUT);
    JsonNode order = null;
    while (Instant.now().isBefore(deadline)) {
      order = shop.orderOf(checkoutId);
      if (order != null && status.equals(order.path("status").asText())) {
        return order;
      }
      EmporiumCommand.sleep(Duration.ofMillis(500));
    }
    throw new AssertionError(
        "checkout " + checkoutId + " not " + status + " within " + SAGA_TIMEOUT + ": " + order);
  }

  private static void assertAllPortsFree() {
    Ports.standard()
        .all()
        .forEach(
            (component, port) ->
                assertThat(FreePorts.isFree(port))
                    .as("port %d (%s) is free", port, component)
                    .isTrue());
  }
}
