package io.emporium.launcher.dlq;

import io.emporium.events.topology.Topology;
import io.emporium.launcher.dlq.AdminApi.AdminApiException;
import io.emporium.platform.deadletters.OutboxLetters;
import io.emporium.platform.deadletters.OutboxLetters.OutboxListing;
import io.emporium.platform.deadletters.OutboxLetters.OutboxReplayReport;
import io.emporium.platform.deadletters.QueueDirectory.QueueStats;
import io.emporium.platform.deadletters.UnknownQueueException;
import io.emporium.platform.messaging.outbox.OutboxDeadLetter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dead letters of the services' outboxes ({@code outbox:<service>}: events a service could
 * never publish), beside the DLQs: read and replayed through each producing service's admin API,
 * since they live in its database.
 */
final class Outboxes {

  private final Connection connection;
  private final String env;
  private final Output out;

  Outboxes(Connection connection, String env, Output out) {
    this.connection = connection;
    this.env = env;
    this.out = out;
  }

  /** Whether {@code queue} names an outbox rather than a DLQ. */
  static boolean named(String queue) {
    return OutboxLetters.serviceOf(queue) != null;
  }

  /**
   * A row per producing service's outbox for {@code dlq list} (rows of services whose admin API did
   * not answer are left out, with a warning); none without an admin API.
   */
  List<QueueStats> rows(String only) {
    URI api = connection.apiUrl(env);
    if (api == null) {
      out.warn("outbox dead letters: no admin API known (--api-url or EMPORIUM_API_URL)");
      return List.of();
    }
    AdminApi admin = new AdminApi(api, connection.adminToken());
    List<QueueStats> rows = new ArrayList<>();
    for (String service : Topology.load().producers().keySet()) {
      if (only != null && !only.equals(service)) {
        continue;
      }
      try {
        OutboxListing listing = admin.outbox(service, 0);
        Duration oldest =
            listing.oldestCreatedAt() == null
                ? null
                : Duration.between(listing.oldestCreatedAt(), Instant.now());
        rows.add(
            new QueueStats(
                listing.outbox(),
                "outbox (" + listing.store() + ")",
                null,
                service,
                listing.count(),
                0,
                oldest));
      } catch (AdminApiException e) {
        out.warn(OutboxLetters.name(service) + " unavailable: " + e.getMessage());
      }
    }
    return rows;
  }

  int show(String name, int max) {
    String service = service(name);
    OutboxListing listing = admin().outbox(service, max);
    if (out.json()) {
      out.json(listing);
      return ExitCodes.OK;
    }
    out.line(
        "%s: %d dead letter(s) in the %s outbox of %s, never published (the relay stopped trying)"
            .formatted(listing.outbox(), listing.count(), listing.store(), service));
    table(listing.letters());
    listing
        .letters()
        .forEach(l -> out.line("  %s  %s".formatted(l.eventId(), Output.text(l.lastError()))));
    return ExitCodes.OK;
  }

  int replay(
      String name,
      Set<String> types,
      Set<String> ids,
      Set<String> subjects,
      Duration olderThan,
      int limit,
      boolean dryRun) {
    String service = service(name);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("types", types);
    body.put("ids", ids);
    body.put("subjects", subjects);
    body.put("olderThan", olderThan == null ? null : olderThan.toString());
    body.put("limit", limit);
    body.put("dryRun", dryRun);
    OutboxReplayReport report = admin().replayOutbox(service, body);
    if (out.json()) {
      out.json(report);
    } else {
      out.line(
          "%s %d dead letter(s) of %s back to pending%s"
              .formatted(
                  dryRun ? "would put" : "put",
                  report.count(),
                  report.outbox(),
                  dryRun
                      ? " (dry run: nothing changed)"
                      : ": the relay publishes them within seconds (audited)"));
      table(report.replayed());
      if (!report.notFound().isEmpty()) {
        out.line(
            "not dead letters of " + report.outbox() + ": " + String.join(" ", report.notFound()));
      }
    }
    return report.notFound().isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
  }

  private void table(List<OutboxDeadLetter> letters) {
    out.table(
        List.of("EVENT ID", "TYPE", "SUBJECT", "ATTEMPTS", "WRITTEN", "DEAD-LETTERED", "BYTES"),
        letters.stream()
            .map(
                l ->
                    List.of(
                        l.eventId().toString(),
                        Output.text(l.type()),
                        Output.text(l.subject()),
                        Integer.toString(l.attempts()),
                        Output.time(l.createdAt()),
                        Output.time(l.deadLetteredAt()),
                        Integer.toString(l.payloadBytes())))
            .toList());
  }

  private AdminApi admin() {
    URI api = connection.apiUrl(env);
    if (api == null) {
      throw new IllegalArgumentException(
          "outbox dead letters are read through the services' admin API: give --api-url (or"
              + " EMPORIUM_API_URL) and an admin's token");
    }
    return new AdminApi(api, connection.adminToken());
  }

  private static String service(String name) {
    String service = OutboxLetters.serviceOf(name);
    var producers = Topology.load().producers().keySet();
    if (!producers.contains(service)) {
      throw new UnknownQueueException(
          "no outbox '"
              + name
              + "': services with an outbox are "
              + producers.stream().map(OutboxLetters::name).toList());
    }
    return service;
  }
}
