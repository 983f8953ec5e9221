package io.emporium.chaos;

import io.emporium.chaos.check.PhaseResult;
import io.emporium.chaos.check.ReportTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code ./emporium chaos [--bounded] [--only <phase>] [--scale F] [--seed N]}: runs the fault
 * suite on its own stack (free ports, throwaway data, state in {@code .emporium/chaos}), prints the
 * table of invariants per fault kind and writes it to {@code .emporium/chaos/report.txt}. Exits 1
 * when an invariant broke. {@code --only} runs one phase of the full run, {@code --scale}
 * multiplies the shoppers of each phase.
 */
public final class ChaosCommand {

  private ChaosCommand() {}

  public static void main(String[] args) throws InterruptedException, IOException {
    Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
    List<String> options = List.of(args);
    long seed =
        Long.parseLong(option(options, "--seed", String.valueOf(System.nanoTime() % 100_000)));
    SuitePlan plan = options.contains("--bounded") ? SuitePlan.bounded(seed) : SuitePlan.full(seed);
    String only = option(options, "--only", null);
    if (only != null) {
      plan = plan.only(only);
    }
    plan = plan.scaled(Double.parseDouble(option(options, "--scale", "1")));
    Path stateDir = root.resolve(".emporium/chaos");
    say(
        "fault suite (%s, seed %d): %d phases, %d shoppers; state and logs in %s"
            .formatted(plan.name(), seed, plan.phases().size(), plan.shoppers(), stateDir));
    Instant started = Instant.now();
    List<PhaseResult> results = new FaultSuite(plan, ChaosCommand::say).run(root, stateDir);
    String table = ReportTable.render(results);
    String took = "took %d min".formatted(Duration.between(started, Instant.now()).toMinutes());
    System.out.println();
    System.out.println(table);
    say(took);
    Files.writeString(
        stateDir.resolve("report.txt"), "seed " + seed + ", " + took + "\n\n" + table);
    System.exit(results.stream().allMatch(PhaseResult::held) ? 0 : 1);
  }

  private static String option(List<String> options, String name, String otherwise) {
    int at = options.indexOf(name);
    if (at < 0) {
      return otherwise;
    }
    if (at + 1 >= options.size()) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return options.get(at + 1);
  }

  static void say(String line) {
    System.out.println("[chaos] " + line);
    System.out.flush();
  }
}
