package io.emporium.launcher.dlq;

import io.emporium.platform.deadletters.PurgeReport;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "purge",
    description = {
      "Deletes the named dead letters for good (events that must never be processed). Without"
          + " --yes-i-am-sure it only shows what it would delete. The audit keeps their bodies."
    })
final class PurgeCommand implements Callable<Integer> {

  @ParentCommand DlqCommand dlq;
  @Mixin Connection connection;

  @Parameters(index = "0", description = "the DLQ (or its source queue)")
  String queue;

  @Option(names = "--id", required = true, description = "SQS message id or event id (repeatable)")
  Set<String> ids = new LinkedHashSet<>();

  @Option(names = "--yes-i-am-sure", description = "really delete them")
  boolean confirmed;

  @Override
  public Integer call() {
    if (Outboxes.named(queue)) {
      throw new IllegalArgumentException(
          "outbox dead letters are replayed, not purged, by this tool: see"
              + " docs/runbooks/outbox-lag.md");
    }
    Output out = dlq.output(connection);
    String env = connection.env(queue);
    PurgeReport report =
        connection.deadLetters(env).purge(queue, ids, confirmed, connection.actor());
    if (out.json()) {
      out.json(report);
    } else {
      out.line(
          "%s %d message(s) of %s"
              .formatted(
                  confirmed ? "deleted" : "would delete (add --yes-i-am-sure)",
                  report.deleted().size(),
                  report.queue()));
      out.table(
          List.of("MESSAGE ID", "EVENT ID", "TYPE", "SUBJECT"),
          report.deleted().stream()
              .map(
                  m ->
                      List.of(
                          m.messageId(),
                          Output.text(m.eventId()),
                          Output.text(m.type()),
                          Output.text(m.subject())))
              .toList());
      if (!report.notFound().isEmpty()) {
        out.line("not found: " + String.join(" ", report.notFound()));
      }
    }
    if (!confirmed) {
      return ExitCodes.NOT_CONFIRMED;
    }
    return report.notFound().isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
  }
}
