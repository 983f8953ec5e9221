package io.emporium.bench;

import io.emporium.bench.proc.Machine;
import io.emporium.bench.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code ./emporium bench [--quick]}: measures the shop on this machine and writes
 * docs/benchmarks.md ({@code --quick}: a short smoke run written to
 * services/bench/target/benchmarks-quick.md, not a measurement).
 */
public final class BenchCommand {

  private BenchCommand() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
    boolean quick = List.of(args).contains("--quick");
    Settings settings = quick ? Settings.quick() : Settings.standard();
    Path out =
        quick
            ? root.resolve("services/bench/target/benchmarks-quick.md")
            : root.resolve("docs/benchmarks.md");
    Instant started = Instant.now();
    String loadBefore = Machine.load();
    say("load average before: " + loadBefore + " (1, 5, 15 min)");
    int exit = 0;
    Run run;
    try {
      run = new Bench(root, settings, BenchCommand::say).run();
    } catch (RuntimeException | IOException e) {
      say("error: " + e.getMessage());
      System.exit(1);
      return;
    }
    Duration took = Duration.between(started, Instant.now());
    List<String> header = ReportHeader.lines(root, run, quick, loadBefore, Machine.load(), took);
    Files.createDirectories(out.getParent());
    Files.writeString(out, Report.markdown(header, run.figures, ReportHeader.method()));
    System.out.println();
    System.out.print(Report.table(run.figures));
    System.out.println();
    say(
        "wrote "
            + root.relativize(out)
            + " in %d min %d s".formatted(took.toMinutes(), took.toSecondsPart()));
    if (run.facts.containsKey("failures")) {
      say("some phases failed: " + run.facts.get("failures"));
      exit = 1;
    }
    System.exit(exit);
  }

  static void say(String line) {
    System.out.println("[bench] " + line);
    System.out.flush();
  }
}
