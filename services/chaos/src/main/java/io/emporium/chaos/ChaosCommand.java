package io.emporium.chaos;

import io.emporium.chaos.check.PhaseResult;
import io.emporium.chaos.check.ReportTable;
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
 * {@code ./emporium chaos [--bounded] [--only <phase>] [--scale F] [--seed N]}, a subcommand of the
 * launcher's {@code Main} (plugged in with {@link PluggedCommand}): runs the fault suite on its own
 * stack (free ports, throwaway data, state in {@code .emporium/chaos}), prints the table of
 * invariants per fault kind and writes it to {@code .emporium/chaos/report.txt}. Exits 1 when an
 * invariant broke.
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description =
        "The fault suite: the shop under a load of checkouts while faults are injected; prints the"
            + " invariants per fault kind (about an hour; --bounded: a few minutes).")
public final class ChaosCommand implements Callable<Integer> {

  @Option(names = "--bounded", description = "One mixed phase of every fault, a few minutes")
  boolean bounded;

  @Option(
      names = "--only",
      paramLabel = "PHASE[,PHASE...]",
      description = "Run only these phases of the plan")
  String only;

  @Option(
      names = "--scale",
      paramLabel = "F",
      defaultValue = "1",
      description = "Multiply each phase's shoppers (default ${DEFAULT-VALUE})")
  double scale;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "The faults' and shoppers' random seed (default: a new one, printed)")
  Long seed;

  /** What {@code Main} finds with ServiceLoader. */
  public static final class Plugged implements PluggedCommand {
    @Override
    public Object command() {
      return new ChaosCommand();
    }
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
    long chosenSeed = seed != null ? seed : System.nanoTime() % 100_000;
    SuitePlan plan = bounded ? SuitePlan.bounded(chosenSeed) : SuitePlan.full(chosenSeed);
    if (only != null) {
      try {
        plan = plan.only(only);
      } catch (IllegalArgumentException e) {
        say("error: " + e.getMessage());
        return 2;
      }
    }
    plan = plan.scaled(scale);
    Path stateDir = root.resolve(".emporium/chaos");
    say(
        "fault suite (%s, seed %d): %d phases, %d shoppers; state and logs in %s"
            .formatted(plan.name(), chosenSeed, plan.phases().size(), plan.shoppers(), stateDir));
    Instant started = Instant.now();
    List<PhaseResult> results = new FaultSuite(plan, ChaosCommand::say).run(root, stateDir);
    String table = ReportTable.render(results);
    String took = "took %d min".formatted(Duration.between(started, Instant.now()).toMinutes());
    System.out.println();
    System.out.println(table);
    say(took);
    Files.writeString(
        stateDir.resolve("report.txt"), "seed " + chosenSeed + ", " + took + "\n\n" + table);
    return results.stream().allMatch(PhaseResult::held) ? 0 : 1;
  }

  static void say(String line) {
    System.out.println("[chaos] " + line);
    System.out.flush();
  }
}
