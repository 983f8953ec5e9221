package io.emporium.launcher.dlq;

import io.emporium.launcher.dlq.AdminApi.AdminApiException;
import io.emporium.platform.deadletters.DeadLetter;
import io.emporium.platform.deadletters.DeadLetters.Shown;
import io.emporium.platform.messaging.inbox.MessageFailure;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "show",
    description = {
      "The messages of a DLQ, decoded, with the last failure reason their consumer recorded"
          + " (read from the consumer's admin API). The messages stay in the DLQ.",
      "--pass <id> shows only the messages that replay sent back and that failed again (each"
          + " replayed message carries its replay's pass id): the outcome of a replay, once the"
          + " consumer's retries ran out.",
      "outbox:<service> shows the events that service's relay stopped trying (SNS rejected them"
          + " for good): id, type, subject, attempts, when written and dead-lettered, last error."
    })
final class ShowCommand implements Callable<Integer> {

  @ParentCommand DlqCommand dlq;
  @Mixin Connection connection;

  @Parameters(index = "0", description = "the DLQ (or its source queue), or outbox:<service>")
  String queue;

  @Option(
      names = "--max",
      defaultValue = "100",
      description = "read at most this many (default 100)")
  int max;

  @Option(
      names = "--pass",
      description = "only the messages the replay with this pass id sent back (failed again)")
  String pass;

  @Override
  public Integer call() {
    Output out = dlq.output(connection);
    if (Outboxes.named(queue)) {
      if (pass != null) {
        throw new IllegalArgumentException("--pass is for DLQs, not " + queue);
      }
      return new Outboxes(connection, connection.env(null), out).show(queue, max);
    }
    String env = connection.env(queue);
    Shown shown =
        pass == null
            ? connection.deadLetters(env).show(queue, max)
            : connection.deadLetters(env).show(queue, max, pass);
    Map<String, MessageFailure> reasons = reasons(shown, env, out);
    List<ShownLetter> letters = new ArrayList<>();
    for (DeadLetter letter : shown.letters()) {
      MessageFailure failure = reasons.get(letter.messageId());
      if (failure == null) {
        failure = reasons.get(letter.origin());
      }
      letters.add(new ShownLetter(letter, failure));
    }
    if (out.json()) {
      out.json(
          new ShowJson(
              shown.queue().name(),
              shown.queue().source(),
              shown.queue().consumer(),
              shown.depth(),
              pass,
              letters));
      return ExitCodes.OK;
    }
    out.line(
        "%s: %d message(s); source %s, consumer %s%s"
            .formatted(
                shown.queue().name(),
                shown.depth(),
                shown.queue().source(),
                Output.text(shown.queue().consumer()),
                pass == null
                    ? ""
                    : "; %d sent back by replay %s failed again".formatted(letters.size(), pass)));
    out.table(
        List.of(
            "MESSAGE ID",
            "EVENT ID",
            "TYPE",
            "SUBJECT",
            "TRIES",
            "FIRST FAILED",
            "LAST FAILED",
            "REPLAYS"),
        letters.stream().map(ShownLetter::row).toList());
    for (ShownLetter letter : letters) {
      out.line(
          "  %s  %s"
              .formatted(
                  letter.letter().messageId(),
                  letter.failure() == null ? "(no failure recorded)" : letter.failure().reason()));
    }
    return ExitCodes.OK;
  }

  private Map<String, MessageFailure> reasons(Shown shown, String env, Output out) {
    URI api = connection.apiUrl(env);
    String consumer = shown.queue().consumer();
    if (api == null || consumer == null || shown.letters().isEmpty()) {
      if (api == null && !shown.letters().isEmpty()) {
        out.warn("failure reasons: no admin API known (--api-url or EMPORIUM_API_URL)");
      }
      return Map.of();
    }
    List<String> ids = new ArrayList<>();
    shown
        .letters()
        .forEach(
            l -> {
              ids.add(l.messageId());
              ids.add(l.origin());
            });
    try {
      return new AdminApi(api, connection.adminToken())
          .failures(consumer, ids.stream().distinct().toList());
    } catch (AdminApiException e) {
      out.warn("failure reasons unavailable: " + e.getMessage());
      return Map.of();
    }
  }

  /** A dead letter and its consumer's last failure record (null: none recorded). */
  record ShownLetter(DeadLetter letter, MessageFailure failure) {
    List<String> row() {
      return List.of(
          letter.messageId(),
          Output.text(letter.eventId()),
          Output.text(letter.type()),
          Output.text(letter.subject()),
          failure == null
              ? Integer.toString(letter.receiveCount())
              : Integer.toString(failure.receiveCount()),
          failure == null ? "-" : Output.time(failure.firstFailedAt()),
          failure == null ? "-" : Output.time(failure.lastFailedAt()),
          Integer.toString(letter.replays()));
    }
  }

  /** {@code pass}: the replay whose failed-again messages these are (null: every message). */
  record ShowJson(
      String queue,
      String source,
      String consumer,
      int depth,
      String pass,
      List<ShownLetter> messages) {}
}
