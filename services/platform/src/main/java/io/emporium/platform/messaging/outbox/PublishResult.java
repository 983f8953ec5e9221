package io.emporium.platform.messaging.outbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Which events SNS accepted, and why the others were not. */
public record PublishResult(Set<UUID> published, Map<UUID, PublishFailure> failed) {

  /**
   * Why one event was not published.
   *
   * @param permanent SNS blamed the entry itself (a sender fault such as an oversized message):
   *     sending it again will fail again. False for outages, throttling and server errors.
   */
  public record PublishFailure(String reason, boolean permanent) {}

  /** Every event failed for one reason that is not the entries' fault (SNS unreachable, ...). */
  static PublishResult allFailed(List<OutgoingEvent> events, Throwable error) {
    var failure = new PublishFailure(String.valueOf(error), false);
    return new PublishResult(
        Set.of(), events.stream().collect(Collectors.toMap(OutgoingEvent::id, e -> failure)));
  }

  /** The failure of an event SNS answered nothing about: treated as a transient one. */
  PublishFailure failureOf(UUID id) {
    return failed.getOrDefault(id, new PublishFailure("no result from SNS", false));
  }
}
