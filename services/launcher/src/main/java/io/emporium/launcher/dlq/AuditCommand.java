package io.emporium.launcher.dlq;

import io.emporium.platform.deadletters.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "audit",
    description = {
      "Every replay and purge: who, when, queue, filter, count, ids.",
      "A replay is recorded when it starts (replay-started) and when it ends (replay), with the"
          + " same pass id: a start without an end is a replay that was killed, or is still running."
    })
final class AuditCommand implements Callable<Integer> {

  @ParentCommand DlqCommand dlq;
  @Mixin Connection connection;

  @Option(
      names = "--since",
      converter = Durations.class,
      defaultValue = "30d",
      description = "how far back (default 30d)")
  Duration since;

  @Option(
      names = "--limit",
      defaultValue = "100",
      description = "at most this many records (default 100)")
  int limit;

  @Option(names = "--ids", description = "print the message ids of each record")
  boolean withIds;

  @Override
  public Integer call() {
    Output out = dlq.output(connection);
    List<AuditRecord> records =
        connection.deadLetters(connection.env(null)).audit(Instant.now().minus(since), limit);
    if (out.json()) {
      out.json(records);
      return ExitCodes.OK;
    }
    Set<String> ended =
        records.stream()
            .filter(r -> !r.replayStarted() && r.pass() != null)
            .map(AuditRecord::pass)
            .collect(Collectors.toSet());
    out.table(
        List.of("WHEN", "WHO", "VIA", "ACTION", "QUEUE", "COUNT", "FILTER"),
        records.stream()
            .map(
                r ->
                    List.of(
                        Output.time(r.at()),
                        r.who(),
                        r.via(),
                        r.replayStarted() && !ended.contains(r.pass())
                            ? r.action() + " (no end: killed, or running)"
                            : r.action(),
                        r.queue(),
                        Integer.toString(r.count()),
                        r.filter()))
            .toList());
    if (withIds) {
      records.forEach(
          r -> out.line("  " + r.id() + ": " + String.join(" ", r.ids()) + "  " + r.detail()));
    }
    return ExitCodes.OK;
  }
}
