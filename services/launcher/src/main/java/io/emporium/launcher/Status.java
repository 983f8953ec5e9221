package io.emporium.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** {@code ./emporium status}: what a running {@code up} started, each with its pid and health. */
final class Status {

  private Status() {}

  static void print(StackSettings settings, PrintStream out) {
    RunDirectory run = new RunDirectory(settings.runDir());
    Optional<Properties> stack = run.readStack();
    Optional<ProcessHandle> launcher = run.process(RunDirectory.LAUNCHER);
    if (stack.isEmpty() && launcher.isEmpty()) {
      out.println(
          "[emporium] nothing runs (no ./emporium up with state in " + settings.stateDir() + ")");
      return;
    }
    out.println(
        "[emporium] ./emporium up "
            + launcher.map(p -> "runs (pid " + p.pid() + ")").orElse("is not running")
            + "; state in "
            + settings.stateDir());
    Properties props = stack.orElseGet(Properties::new);
    List<String> components = new ArrayList<>();
    components.add(StackSettings.EDGE);
    components.addAll(StackSettings.SERVICES);
    components.add(StackSettings.PAYMENT_PROVIDER);
    for (String name : components) {
      String port = props.getProperty(name + ".port", String.valueOf(settings.ports().of(name)));
      URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
      String health = Readiness.answers(readiness) ? "UP" : "not ready";
      out.println(
          "  %-13s %-22s %-8s %s"
              .formatted(name, "http://127.0.0.1:" + port, health, pid(run, name)));
    }
    out.println(
        "  %-13s %-22s %-8s %s"
            .formatted(
                "aws",
                props.getProperty("aws.endpoint", "?"),
                props.getProperty("aws.kind", ""),
                pid(run, "moto")));
    out.println(
        "  %-13s %-22s %-8s %s"
            .formatted(
                "postgres", props.getProperty("postgres.url", "?"), "", pid(run, "postgres")));
    run.process("prometheus")
        .ifPresent(
            p ->
                out.println(
                    "  %-13s %-22s %-8s %s"
                        .formatted("prometheus", LocalPrometheus.url(), "", "pid " + p.pid())));
    out.println("  logs          " + props.getProperty("logs", settings.logs().toString()));
  }

  private static String pid(RunDirectory run, String name) {
    return run.process(name).map(p -> "pid " + p.pid()).orElse("");
  }
}
