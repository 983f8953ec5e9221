package io.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that cannot start is reported at once, by name, not after the ready timeout. */
class ServiceProcessTests {

  /** Far longer than any check here may take: reaching it is the failure. */
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path dir;
  private ServiceProcess service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.kill();
    }
  }

  @Test
  void aServiceWhoseJvmExitsWhileStartingIsNamedWithItsExitCodeAndLog() throws IOException {
    service = process("order", "echo 'cannot bind'; exit 3");
    service.start();

    assertThatThrownBy(() -> service.awaitReady(Instant.now().plus(READY_TIMEOUT)))
        .isInstanceOf(LaunchException.class)
        .hasMessageStartingWith("order exited with 3 while starting")
        .hasMessageContaining("cannot bind");
  }

  @Test
  void aServiceWhoseApplicationFailedButWhoseJvmLingersIsNamedAndKilled() throws IOException {
    service =
        process(
            "order",
            "echo 'Started nothing'; sleep 1;"
                + " echo 'ERROR o.s.boot.SpringApplication : Application run failed';"
                + " echo 'Caused by: QueueAttributesResolvingException: emporium-local-order-from-cart';"
                + " exec sleep 600");
    service.start();

    assertThatThrownBy(() -> service.awaitReady(Instant.now().plus(READY_TIMEOUT)))
        .isInstanceOf(LaunchException.class)
        .hasMessageStartingWith("order failed to start")
        .hasMessageContaining("emporium-local-order-from-cart");
    assertThat(service.isAlive()).as("the lingering JVM is killed").isFalse();
  }

  @Test
  void aRestartKeepsTheLogOfTheRunBeforeItAndIsNotFailedByIt() throws Exception {
    ServiceProcess crashed =
        process("order", "echo 'ERROR o.s.boot.SpringApplication : Application run failed'");
    crashed.start();
    crashed.handle().onExit().get();

    service = process("order", "echo 'second run'; exec sleep 600");
    service.start(true);

    Path log = dir.resolve("order.log");
    Instant giveUp = Instant.now().plus(READY_TIMEOUT);
    while (!Files.readString(log).contains("second run") && Instant.now().isBefore(giveUp)) {
      Thread.sleep(50);
    }
    assertThat(Files.readString(log))
        .contains("Application run failed")
        .contains("----- order restarted at ")
        .contains("second run");
    assertThat(service.ready()).as("starting, not failed by the earlier run's line").isFalse();
    assertThat(service.isAlive()).isTrue();
  }

  private ServiceProcess process(String name, String script) throws IOException {
    return new ServiceProcess(
        name, unusedPort(), List.of("sh", "-c", script), Map.of(), dir.resolve(name + ".log"));
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
