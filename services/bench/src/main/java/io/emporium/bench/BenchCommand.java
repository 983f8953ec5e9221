package io.emporium.bench;

import io.emporium.bench.proc.Machine;
import io.emporium.bench.report.Report;
import io.emporium.launcher.PluggedCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./emporium bench [--quick]}, a subcommand of the launcher's {@code Main} (plugged in with
 * {@link PluggedCommand}): measures the shop on this machine and writes docs/benchmarks.md ({@code
 * --quick}: a short smoke run written to services/bench/target/benchmarks-quick.md, not a
 * measurement).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "The shop's speed and cost on this machine, beside the emulator's ceiling:"
            + " docs/benchmarks.md (at most about 10 minutes).")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--quick",
      description =
          "A short smoke run of every phase, written to services/bench/target/benchmarks-quick.md")
  boolean quick;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "PHASE",
      description =
          "Run only these phases (and the baseline), e.g. --only add,read; written to"
              + " services/bench/target/benchmarks-partial.md. Phases: ${COMPLETION-CANDIDATES}",
      completionCandidates = PhaseNames.class)
  java.util.List<String> only;

  @Option(
      names = "--first-adds",
      description =
          "Do not give the cart shoppers a cart first: add-item then measures mostly a cart's first"
              + " add (as issue 18's first look did)")
  boolean firstAdds;

  /** The phase names, for --only. */
  static final class PhaseNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Phases.names().iterator();
    }
  }

  /** What {@code Main} finds with ServiceLoader. */
  public static final class Plugged implements PluggedCommand {
    @Override
    public Object command() {
      return new BenchCommand();
    }
  }

  @Override
  public Integer call() throws IOException {
    Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
    Settings settings = quick ? Settings.quick() : Settings.standard();
    Path out =
        only != null
            ? root.resolve("services/bench/target/benchmarks-partial.md")
            : quick
                ? root.resolve("services/bench/target/benchmarks-quick.md")
                : root.resolve("docs/benchmarks.md");
    if (only != null && !Phases.names().containsAll(only)) {
      say("unknown phase in --only " + only + "; the phases: " + Phases.names());
      return 2;
    }
    java.util.function.Predicate<String> runs =
        phase ->
            (only == null || phase.equals("baseline") || only.contains(phase))
                && !(firstAdds && phase.equals("seed"));
    Instant started = Instant.now();
    String loadBefore = Machine.load();
    say("load average before: " + loadBefore + " (1, 5, 15 min)");
    Run run;
    try {
      run = new Bench(root, settings, BenchCommand::say, runs).run();
    } catch (RuntimeException | IOException e) {
      say("error: " + e.getMessage());
      return 1;
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
      return 1;
    }
    return 0;
  }

  private static final long STARTED = System.nanoTime();

  static void say(String line) {
    long seconds = (System.nanoTime() - STARTED) / 1_000_000_000L;
    System.out.printf("[bench %d:%02d] %s%n", seconds / 60, seconds % 60, line);
    System.out.flush();
  }
}
