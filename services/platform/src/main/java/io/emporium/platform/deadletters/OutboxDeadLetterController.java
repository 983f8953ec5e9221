package io.emporium.platform.deadletters;

import io.emporium.platform.deadletters.OutboxLetters.OutboxListing;
import io.emporium.platform.deadletters.OutboxLetters.OutboxReplayReport;
import io.emporium.platform.web.InvalidRequestException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/<service>/admin/messages/outbox/dead-letters}: the events this service's relay
 * stopped trying, and their replay (back to pending, the relay publishes them). Admins only, like
 * the rest of {@code /admin/messages}; the caller's token subject goes into the audit.
 */
@RestController
@RequestMapping("/api/${emporium.messaging.service}/admin/messages/outbox/dead-letters")
class OutboxDeadLetterController {

  private final OutboxLetters letters;

  OutboxDeadLetterController(OutboxLetters letters) {
    this.letters = letters;
  }

  @GetMapping
  Mono<OutboxListing> list(@RequestParam(defaultValue = "100") int max) {
    if (max < 0) {
      throw new InvalidRequestException("max", "0 or more", max);
    }
    return letters.list(Math.min(max, 1_000));
  }

  @PostMapping("/replay")
  Mono<OutboxReplayReport> replay(@RequestBody Replay body, ServerWebExchange exchange) {
    nonNull(body.ids()).stream()
        .filter(id -> !isUuid(id))
        .findFirst()
        .ifPresent(
            id -> {
              throw new InvalidRequestException("ids", "outbox event ids are UUIDs", id);
            });
    int limit = body.limit() == null ? 0 : body.limit();
    if (limit < 0) {
      throw new InvalidRequestException("limit", "0 (no limit) or more", limit);
    }
    Set<String> ids =
        nonNull(body.ids()).stream()
            .map(id -> UUID.fromString(id).toString())
            .collect(Collectors.toSet());
    var filter =
        new LetterFilter(nonNull(body.types()), ids, nonNull(body.subjects()), body.olderThan());
    return DeadLetterAdminController.actor(exchange)
        .flatMap(actor -> letters.replay(filter, limit, Boolean.TRUE.equals(body.dryRun()), actor));
  }

  private static boolean isUuid(String id) {
    try {
      return UUID.fromString(id).toString().equalsIgnoreCase(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Set<String> nonNull(Set<String> values) {
    return values == null ? Set.of() : values;
  }

  /**
   * Which dead letters to put back (no criterion: all), at most {@code limit} (none or 0: no
   * limit); a dry run only reports them.
   */
  record Replay(
      Set<String> types,
      Set<String> ids,
      Set<String> subjects,
      Duration olderThan,
      Integer limit,
      Boolean dryRun) {}
}
