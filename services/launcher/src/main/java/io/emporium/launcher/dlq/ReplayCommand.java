package io.emporium.launcher.dlq;

import io.emporium.platform.deadletters.LetterFilter;
import io.emporium.platform.deadletters.ReplayReport;
import io.emporium.platform.deadletters.ReplayReport.Moved;
import io.emporium.platform.deadletters.ReplayRequest;
import java.time.Duration;
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
    name = "replay",
    description = {
      "Moves dead letters back to their source queue: one bounded pass over what the DLQ holds"
          + " now (it ends whatever the consumer does), send then delete. Each message sent back"
          + " carries the replay's pass id (printed); one that fails again and is back in the DLQ"
          + " is reported, not moved again.",
      "Unfiltered and without --await it uses SQS's StartMessageMoveTask where the endpoint has it"
          + " (AWS, LocalStack): SQS moves the whole DLQ but reports only a count and marks no"
          + " message, so a replay with --await always makes the pass.",
      "--await watches the DLQ for the replayed messages that come back. Poison comes back within"
          + " seconds; a handler that still fails only after all its retries (20 receives with"
          + " backoff up to 5 min: 30-60 min, ADR 19). So a short --await catches poison and quick"
          + " failures; for the rest run 'dlq show <dlq> --pass <pass id>' an hour later.",
      "outbox:<service> puts that service's outbox dead letters back to pending (attempts 0, due"
          + " now) through its admin API; its relay publishes them. --type, --id (event id),"
          + " --subject, --older-than, --limit and --dry-run apply; --rate and --await do not."
    })
final class ReplayCommand implements Callable<Integer> {

  @ParentCommand DlqCommand dlq;
  @Mixin Connection connection;

  @Parameters(index = "0", description = "the DLQ (or its source queue), or outbox:<service>")
  String queue;

  @Option(names = "--type", description = "only events of this wire type (repeatable)")
  Set<String> types = new LinkedHashSet<>();

  @Option(names = "--id", description = "only this SQS message id or event id (repeatable)")
  Set<String> ids = new LinkedHashSet<>();

  @Option(names = "--subject", description = "only events about this aggregate id (repeatable)")
  Set<String> subjects = new LinkedHashSet<>();

  @Option(
      names = "--older-than",
      converter = Durations.class,
      description = "only messages first sent longer ago than this (30s, 10m, 2h, 1d)")
  Duration olderThan;

  @Option(names = "--limit", defaultValue = "0", description = "move at most this many")
  int limit;

  @Option(
      names = "--rate",
      converter = Durations.Rate.class,
      defaultValue = "0",
      description = "move at most this many a second (5 or 5/s; default: no limit)")
  double rate;

  @Option(names = "--dry-run", description = "only report what would move")
  boolean dryRun;

  @Option(
      names = "--await",
      converter = Durations.class,
      defaultValue = "0s",
      description =
          "then watch this long for replayed messages that come back to the DLQ (e.g. 2m: poison"
              + " and quick failures; a handler error comes back only after 30-60 min of retries)")
  Duration await;

  @Override
  public Integer call() {
    Output out = dlq.output(connection);
    if (Outboxes.named(queue)) {
      if (rate > 0 || !await.isZero()) {
        throw new IllegalArgumentException("--rate and --await are for DLQs, not " + queue);
      }
      return new Outboxes(connection, connection.env(null), out)
          .replay(queue, types, ids, subjects, olderThan, limit, dryRun);
    }
    String env = connection.env(queue);
    var request =
        new ReplayRequest(
            queue,
            new LetterFilter(types, ids, subjects, olderThan),
            limit,
            rate,
            dryRun,
            await,
            true);
    ReplayReport report =
        connection.deadLetters(env).replay(request, connection.actor(), out::progress);
    if (out.json()) {
      out.json(report);
    } else {
      print(out, report);
    }
    return report.failedAgain().isEmpty()
            && report.notMoved().isEmpty()
            && !(request.filter().ids().size() > report.count()
                && types.isEmpty()
                && subjects.isEmpty())
        ? ExitCodes.OK
        : ExitCodes.INCOMPLETE;
  }

  private static void print(Output out, ReplayReport report) {
    out.line(
        "%s %d of %d message(s) from %s to %s (%s%s)"
            .formatted(
                report.dryRun() ? "would move" : "moved",
                report.count(),
                report.snapshot(),
                report.queue(),
                report.source(),
                report.method(),
                report.dryRun() ? ", dry run: nothing changed" : ""));
    if (!report.moved().isEmpty()) {
      table(out, report.moved());
    }
    if (!report.failedAgain().isEmpty()) {
      out.line(
          report.failedAgain().size() + " failed again and are back in the DLQ (not moved again):");
      table(out, report.failedAgain());
    }
    if (!report.duplicated().isEmpty()) {
      out.line(
          report.duplicated().size()
              + " were sent but could not be deleted: a copy stays in the DLQ (harmless)");
    }
    if (!report.notMoved().isEmpty()) {
      out.line(report.notMoved().size() + " matched but were not moved (run the replay again):");
      table(out, report.notMoved());
    }
    if (report.remaining() >= 0) {
      out.line(report.remaining() + " message(s) left in " + report.queue());
    }
    if (!report.dryRun() && "pass".equals(report.method()) && report.count() > 0) {
      out.line(
          ("pass %s: those that fail again later (after their retries, up to an hour) are listed by"
                  + " ./emporium dlq show %s --pass %s")
              .formatted(report.passId(), report.queue(), report.passId()));
    }
  }

  private static void table(Output out, List<Moved> messages) {
    out.table(
        List.of("MESSAGE ID", "EVENT ID", "TYPE", "SUBJECT"),
        messages.stream()
            .map(
                m ->
                    List.of(
                        m.messageId(),
                        Output.text(m.eventId()),
                        Output.text(m.type()),
                        Output.text(m.subject())))
            .toList());
  }
}
