package io.emporium.launcher;

import io.emporium.local.FreePorts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/**
 * {@code ./emporium up}: the whole shop in the foreground ({@link LocalShop}), Prometheus with the
 * SLO rules when asked (EMPORIUM_OBSERVABILITY=true), the URLs and the demo users; Ctrl-C or {@code
 * ./emporium down} stops everything it started.
 */
@Command(name = "up", description = "Start the whole shop locally and wait (Ctrl-C stops it).")
final class UpCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    StackSettings settings = Main.settings();
    Instant commandStarted =
        Instant.ofEpochMilli(Long.getLong("emporium.up.started", System.currentTimeMillis()));
    requireFree(settings);
    RunDirectory run = new RunDirectory(settings.runDir());
    run.record(RunDirectory.LAUNCHER, ProcessHandle.current());
    LocalShop stack;
    try {
      stack = LocalShop.start(settings, Main::say);
    } catch (RuntimeException e) {
      run.forget(RunDirectory.LAUNCHER);
      throw e;
    }
    ServiceProcess prometheus = startPrometheus(stack, settings, run);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Main.say("stopping everything ./emporium up started");
                  if (prometheus != null) {
                    prometheus.stop();
                    run.forget("prometheus");
                  }
                  stack.close();
                  run.forget(RunDirectory.LAUNCHER);
                  stopped.countDown();
                },
                "emporium-down"));
    printReady(stack, settings, prometheus, Duration.between(commandStarted, Instant.now()));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The edge's and the services' ports first: the usual sign of a second {@code up}. */
  private static void requireFree(StackSettings settings) {
    for (String component :
        List.of("edge", "catalog", "cart", "order", "payment", "notification", "psp")) {
      int port = settings.ports().of(component);
      if (!FreePorts.isFree(port)) {
        throw LaunchException.portTaken(port, component);
      }
    }
  }

  /**
   * With EMPORIUM_OBSERVABILITY=true: Prometheus on 9090 with the SLO rules, when Debian's package
   * is installed (else a note, and the shop runs without it).
   */
  private static ServiceProcess startPrometheus(
      LocalShop stack, StackSettings settings, RunDirectory run) {
    if (!LocalPrometheus.wanted()) {
      return null;
    }
    var binary = LocalPrometheus.binary();
    if (binary.isEmpty()) {
      Main.say(
          "Prometheus is not installed (apt-get install -y prometheus): the shop runs without it");
      return null;
    }
    if (!FreePorts.isFree(LocalPrometheus.PORT)) {
      Main.say("port " + LocalPrometheus.PORT + " is taken: Prometheus not started");
      return null;
    }
    Main.say(
        "starting Prometheus on "
            + LocalPrometheus.url()
            + " (SLO rules: "
            + LocalPrometheus.RULES
            + ")");
    try {
      ServiceProcess prometheus = LocalPrometheus.start(settings, binary.get());
      run.record("prometheus", prometheus.handle());
      return prometheus;
    } catch (LaunchException e) {
      stack.close();
      run.forget(RunDirectory.LAUNCHER);
      throw e;
    }
  }

  private static void printReady(
      LocalShop stack, StackSettings settings, ServiceProcess prometheus, Duration took) {
    Main.say("");
    Main.say("Emporium is up: " + stack.edgeUrl());
    for (String service : StackSettings.SERVICES) {
      Main.say("  %-13s %s/api/%s/docs".formatted(service, stack.serviceUrl(service), service));
    }
    String psp = StackSettings.PAYMENT_PROVIDER;
    Main.say(
        "  %-13s %s/api/%s/docs (payment provider simulator)"
            .formatted(psp, stack.serviceUrl(psp), psp));
    Main.say("  logs          " + settings.logs() + "  (./emporium logs [service])");
    if (prometheus != null) {
      Main.say(
          "  prometheus    "
              + LocalPrometheus.url()
              + "/classic/alerts  (./emporium slo: each SLO and its budget left)");
    }
    Main.say("");
    Main.say(
        "Sign in (user pool "
            + stack.identity().userPoolId()
            + ", "
            + stack.edgeUrl()
            + "/config.json):");
    for (LocalAccounts.DemoUser user : stack.demoUsers()) {
      Main.say(
          "  %-6s %-24s password %s"
              .formatted(user.admin() ? "admin" : "shopper", user.email(), user.password()));
    }
    Main.say("  (new passwords every up; a token with curl: see README, \"Signing in locally\")");
    Main.say(
        "ready in %.1f s — Ctrl-C or ./emporium down stops it".formatted(took.toMillis() / 1000.0));
  }
}
