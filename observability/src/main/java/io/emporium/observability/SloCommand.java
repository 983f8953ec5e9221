package io.emporium.observability;

import io.emporium.launcher.PluggedCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./emporium slo [--prometheus <url>]}, a subcommand of the launcher's {@code Main} (plugged
 * in with {@link PluggedCommand}): the {@link SloReport} from a Prometheus that evaluates the
 * generated rules (the local one of {@code EMPORIUM_OBSERVABILITY=true ./emporium up} by default).
 * Exits 1 with a one-line error when no Prometheus answers.
 */
@Command(
    name = "slo",
    mixinStandardHelpOptions = true,
    description =
        "Each SLO's current value and error budget left, and the alerts firing, from Prometheus.")
public final class SloCommand implements Callable<Integer> {

  static final String DEFAULT_URL = "http://127.0.0.1:9090";

  @Option(
      names = "--prometheus",
      paramLabel = "URL",
      defaultValue = "${env:EMPORIUM_PROMETHEUS_URL:-" + DEFAULT_URL + "}",
      description =
          "The Prometheus to read (default ${DEFAULT-VALUE}: EMPORIUM_PROMETHEUS_URL, else the one"
              + " EMPORIUM_OBSERVABILITY=true ./emporium up starts)")
  String prometheus;

  @Spec CommandSpec spec;

  private final Path root;

  SloCommand(Path root) {
    this.root = root;
  }

  /** What {@code Main} finds with ServiceLoader. */
  public static final class Plugged implements PluggedCommand {
    @Override
    public Object command() {
      return new SloCommand(
          Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize());
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    try {
      // Printed whole once every query answered: a failure is the error line alone.
      var report = new ByteArrayOutputStream();
      new SloReport(URI.create(prometheus))
          .print(Generate.slos(root), new PrintStream(report, true, StandardCharsets.UTF_8));
      spec.commandLine().getOut().print(report.toString(StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      spec.commandLine()
          .getErr()
          .println(
              "[emporium] error: no Prometheus at "
                  + prometheus
                  + " ("
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                  + "): start one with EMPORIUM_OBSERVABILITY=true ./emporium up, or pass --prometheus"
                  + " <url>");
      return 1;
    }
  }
}
