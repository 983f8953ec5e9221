package io.emporium.launcher.runbooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.events.EventSchemas;
import io.emporium.events.topology.Subscription;

/** The runbook of one DLQ ({@link DlqRunbooks}): a section per question on-call asks. */
final class DlqRunbook {

  private final Subscription edge;
  private final String consumer;
  private final JsonNode effects;

  DlqRunbook(Subscription edge, JsonNode effects) {
    this.edge = edge;
    this.consumer = edge.consumer();
    this.effects = effects;
  }

  String markdown() {
    StringBuilder md = new StringBuilder(DlqRunbooks.header("Runbook: DLQ `" + edge.dlq() + "`"));
    intro(md);
    events(md);
    causes(md);
    inspect(md);
    replay(md);
    safe(md);
    return md.toString();
  }

  private void intro(StringBuilder md) {
    md.append(
        "**Alarm:** `%s-not-empty` (CloudWatch, terraform/modules/messaging).  \n"
            .formatted(edge.dlq()));
    md.append(
        "**Consumer:** %s, reading `%s` (subscribed to `%s`, the topic of **%s**).  \n"
            .formatted(consumer, edge.queue(), edge.topic(), edge.producer()));
    md.append(
        ("**How messages get here:** %s failed on the message %d times, then SQS moved it"
                + " here. Poison (malformed body, unknown type, schema violation) is retried at"
                + " once and arrives within seconds; a handler error is retried with backoff (1,"
                + " 2, 4 s… up to 5 min apart) and arrives after 30 to 60 minutes of failing"
                + " ([ADR 19](../../adr/0019-retry-split-outages-ridden-out-poison-dead-lettered-fast.md))."
                + " It keeps it %d days. Every message here is an effect that has **not**"
                + " happened.\n\n")
            .formatted(
                consumer,
                edge.settings().maxReceiveCount(),
                edge.settings().dlqRetentionSeconds() / 86_400));
  }

  private void events(StringBuilder md) {
    md.append("## What its events do\n\n");
    md.append(
        "| event | what it is | what %s does with it | while it waits here | a replay |\n|---|---|---|---|---|\n"
            .formatted(consumer));
    for (String type : edge.types()) {
      JsonNode effect = effect(type);
      md.append(
          "| `%s` | %s | %s | %s | %s |\n"
              .formatted(
                  type,
                  cell(description(type)),
                  cell(effect.path("effect").asText()),
                  cell(effect.path("stalled").asText()),
                  cell(effect.path("replay").asText())));
    }
  }

  private void causes(StringBuilder md) {
    md.append("\n## Usual causes\n\n");
    md.append(
        "- A bug in %s's handler for one of these events, or a contract mismatch (a new version it cannot read): the reason names the exception or the schema violation.\n"
            .formatted(consumer));
    md.append(
        "- A dependency of %s down for longer than its %d tries (half an hour or more): %s.\n"
            .formatted(
                consumer,
                edge.settings().maxReceiveCount(),
                effects.path(consumer).path("dependsOn").asText()));
    md.append(
        "- A poison message that no version will handle: see [poison-message](../poison-message.md).\n\n");
  }

  private void inspect(StringBuilder md) {
    md.append("## Inspect\n\n```\n");
    md.append("./emporium dlq list --env <env> --consumer %s\n".formatted(consumer));
    md.append(
        "./emporium dlq show %s --env <env> --api-url https://<shop>   # each message decoded, and why it failed\n"
            .formatted(edge.dlq()));
    md.append("```\n\n");
    md.append(
        "The reason is the one %s recorded (read through `GET /api/%s/admin/messages/failures`, admins only). Then its logs: `kubectl -n emporium logs deploy/%s | grep <event id>`, and the trace.\n\n"
            .formatted(consumer, consumer, consumer));
  }

  private void replay(StringBuilder md) {
    md.append("## Replay, once the cause is fixed\n\n```\n");
    md.append(
        "./emporium dlq replay %s --env <env> --dry-run              # what would move\n"
            .formatted(edge.dlq()));
    md.append(
        "./emporium dlq replay %s --env <env> --rate 10 --await 30s  # move them back; prints its pass id\n"
            .formatted(edge.dlq()));
    md.append(
        "./emporium dlq show %s --env <env> --pass <pass id>        # an hour later: those that failed again\n"
            .formatted(edge.dlq()));
    md.append("```\n\n");
    md.append(
        ("Narrow it with `--type`, `--id`, `--subject`, `--older-than`, `--limit`. A replay ends on its own;"
                + " each message it sends back carries its pass id. One that fails again comes back"
                + " here: poison within seconds (`--await` lists it, exit code 6), a handler error"
                + " only after %s's %d tries with backoff, 30 to 60 minutes later"
                + " ([ADR 19](../../adr/0019-retry-split-outages-ridden-out-poison-dead-lettered-fast.md)):"
                + " no `--await` window sees those, `dlq show --pass` does. Every replay and purge"
                + " is in `./emporium dlq audit`.\n\n")
            .formatted(consumer, edge.settings().maxReceiveCount()));
  }

  private void safe(StringBuilder md) {
    md.append("## What is safe\n\n");
    md.append(
        "- **Replaying** is safe, also twice: %s records each event id with its effect and skips duplicates.\n"
            .formatted(consumer));
    md.append(
        "- **Replaying before the fix** only brings the messages back here (the replay reports them).\n");
    md.append(
        "- **Purging** (`./emporium dlq purge %s --id <id> --yes-i-am-sure`) loses the effect for good: only for an event that must never be processed, after the affected order was repaired by hand. The audit keeps the purged bodies.\n"
            .formatted(edge.dlq()));
    md.append(
        "- **Never purge the source queue** `%s`: its messages are effects still to happen.\n"
            .formatted(edge.queue()));
  }

  private JsonNode effect(String type) {
    return effects.path(consumer).path("events").path(type);
  }

  private static String description(String type) {
    return EventSchemas.document(EventSchemas.schemaUri(type)).path("description").asText();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
