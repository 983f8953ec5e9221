package io.emporium.launcher;

import io.emporium.platform.local.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./emporium up|down|status|dlq}: the repository root is the working directory; the state
 * folder is {@code EMPORIUM_STATE_DIR} or {@code .emporium}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
    String state = System.getenv("EMPORIUM_STATE_DIR");
    StackSettings standard = StackSettings.standard(root);
    StackSettings settings =
        state == null || state.isBlank()
            ? standard
            : new StackSettings(root, standard.ports(), Path.of(state), true, Map.of());
    String command = args.length == 0 ? "status" : args[0];
    try {
      switch (command) {
        case "up" -> up(settings);
        case "down" -> Stopping.down(settings, Main::say);
        case "status" -> Status.print(settings, System.out);
        case "dlq" ->
            System.exit(
                io.emporium.launcher.dlq.DlqCommand.execute(
                    java.util.Arrays.copyOfRange(args, 1, args.length),
                    new java.io.PrintWriter(System.out, true),
                    new java.io.PrintWriter(System.err, true)));
        default -> {
          say("error: unknown command " + command + " (up, down, status, dlq)");
          System.exit(2);
        }
      }
    } catch (LaunchException e) {
      System.err.println("[emporium] error: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void up(StackSettings settings) {
    Instant commandStarted =
        Instant.ofEpochMilli(Long.getLong("emporium.up.started", System.currentTimeMillis()));
    requireFree(settings);
    RunDirectory run = new RunDirectory(settings.runDir());
    run.record(RunDirectory.LAUNCHER, ProcessHandle.current());
    LocalStack stack;
    try {
      stack = LocalStack.start(settings, Main::say);
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
                  say("stopping everything ./emporium up started");
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
  }

  /** The edge's and the services' ports first: the usual sign of a second {@code up}. */
  private static void requireFree(StackSettings settings) {
    for (String component :
        List.of("edge", "catalog", "cart", "order", "payment", "notification", "psp")) {
      int port = settings.ports().of(component);
      if (!FreePorts.isFree(port)) {
        throw new LaunchException(
            "port "
                + port
                + " ("
                + component
                + ") is taken: is ./emporium up already running? (./emporium status,"
                + " ./emporium down)");
      }
    }
  }

  /**
   * With EMPORIUM_OBSERVABILITY=true: Prometheus on 9090 with the SLO rules, when Debian's package
   * is installed (else a note, and the shop runs without it).
   */
  private static ServiceProcess startPrometheus(
      LocalStack stack, StackSettings settings, RunDirectory run) {
    if (!LocalPrometheus.wanted()) {
      return null;
    }
    var binary = LocalPrometheus.binary();
    if (binary.isEmpty()) {
      say("Prometheus is not installed (apt-get install -y prometheus): the shop runs without it");
      return null;
    }
    if (!FreePorts.isFree(LocalPrometheus.PORT)) {
      say("port " + LocalPrometheus.PORT + " is taken: Prometheus not started");
      return null;
    }
    say(
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
      LocalStack stack, StackSettings settings, ServiceProcess prometheus, Duration took) {
    say("");
    say("Emporium is up: " + stack.edgeUrl());
    for (String service : StackSettings.SERVICES) {
      say("  %-13s %s/api/%s/docs".formatted(service, stack.serviceUrl(service), service));
    }
    String psp = StackSettings.PAYMENT_PROVIDER;
    say(
        "  %-13s %s/api/%s/docs (payment provider simulator)"
            .formatted(psp, stack.serviceUrl(psp), psp));
    say("  logs          " + settings.logs() + "  (./emporium logs [service])");
    if (prometheus != null) {
      say(
          "  prometheus    "
              + LocalPrometheus.url()
              + "/classic/alerts  (./emporium slo: each SLO and its budget left)");
    }
    say("");
    say(
        "Sign in (user pool "
            + stack.identity().userPoolId()
            + ", "
            + stack.edgeUrl()
            + "/config.json):");
    for (LocalAccounts.DemoUser user : stack.demoUsers()) {
      say(
          "  %-6s %-24s password %s"
              .formatted(user.admin() ? "admin" : "shopper", user.email(), user.password()));
    }
    say("  (new passwords every up; a token with curl: see README, \"Signing in locally\")");
    say("ready in %.1f s — Ctrl-C or ./emporium down stops it".formatted(took.toMillis() / 1000.0));
  }

  static void say(String line) {
    System.out.println("[emporium] " + line);
    System.out.flush();
  }
}
