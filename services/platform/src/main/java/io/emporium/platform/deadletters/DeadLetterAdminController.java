package io.emporium.platform.deadletters;

import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import io.emporium.platform.deadletters.QueueDirectory.QueueStats;
import io.emporium.platform.messaging.inbox.FailureLog;
import io.emporium.platform.messaging.inbox.MessageFailure;
import io.emporium.platform.web.InvalidRequestException;
import io.emporium.platform.web.NotFoundException;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /api/<service>/admin/messages}: this service's failure records and its own DLQs only (a
 * queue of another consumer is 404). SQS calls block, so they run on boundedElastic; the caller's
 * token subject goes into the audit.
 */
@RestController
@RequestMapping("/api/${emporium.messaging.service}/admin/messages")
class DeadLetterAdminController {

  /**
   * SQS message ids are UUIDs; a multi-valued parameter is not passed through the text rules of
   * single values, so the shape is checked here before the ids reach the failure store.
   */
  private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

  private final DeadLetters deadLetters;
  private final FailureLog failures;
  private final List<String> ownDlqs;
  private final String service;

  DeadLetterAdminController(
      DeadLetters deadLetters, FailureLog failures, Topology topology, String env, String service) {
    this.deadLetters = deadLetters;
    this.failures = failures;
    this.service = service;
    this.ownDlqs = topology.subscriptionsOf(env, service).stream().map(Subscription::dlq).toList();
  }

  @GetMapping("/failures")
  Mono<List<MessageFailure>> failures(@RequestParam(name = "messageId") List<String> messageIds) {
    if (messageIds.size() > 100) {
      throw new InvalidRequestException("messageId", "at most 100 at a time", messageIds.size());
    }
    messageIds.stream()
        .filter(id -> !MESSAGE_ID.matcher(id).matches())
        .findFirst()
        .ifPresent(
            id -> {
              throw new InvalidRequestException(
                  "messageId", "an SQS message id: letters, digits and dashes, at most 100", id);
            });
    return recorded(messageIds).collectList();
  }

  /** What the consumers recorded of those of {@code messageIds} that have a record. */
  private Flux<MessageFailure> recorded(List<String> messageIds) {
    return Flux.fromIterable(messageIds).flatMap(failures::find, 8);
  }

  @GetMapping("/dead-letters")
  Mono<List<QueueStats>> list() {
    return blocking(() -> deadLetters.list(service));
  }

  @GetMapping("/dead-letters/{queue}")
  Mono<Shown> show(@PathVariable String queue, @RequestParam(defaultValue = "100") int max) {
    return blocking(() -> deadLetters.show(own(queue), Math.min(max, 1_000)))
        .flatMap(
            shown ->
                recorded(shown.letters().stream().map(DeadLetter::messageId).toList())
                    .collectList()
                    .map(records -> new Shown(shown, records)));
  }

  @PostMapping("/dead-letters/{queue}/replay")
  Mono<ReplayReport> replay(
      @PathVariable String queue, @RequestBody Replay body, ServerWebExchange exchange) {
    var request =
        new ReplayRequest(
            own(queue),
            new LetterFilter(
                nonNull(body.types()),
                nonNull(body.ids()),
                nonNull(body.subjects()),
                body.olderThan()),
            body.limit(),
            body.rate(),
            body.dryRun(),
            Duration.ZERO,
            true);
    return actor(exchange)
        .flatMap(actor -> blocking(() -> deadLetters.replay(request, actor, progress -> {})));
  }

  @PostMapping("/dead-letters/{queue}/purge")
  Mono<PurgeReport> purge(
      @PathVariable String queue, @RequestBody Purge body, ServerWebExchange exchange) {
    if (body.ids() == null || body.ids().isEmpty()) {
      throw new InvalidRequestException("ids", "name the messages to purge", null);
    }
    return actor(exchange)
        .flatMap(
            actor ->
                blocking(() -> deadLetters.purge(own(queue), body.ids(), body.confirm(), actor)));
  }

  @GetMapping("/audit")
  Mono<List<AuditRecord>> audit(
      @RequestParam(defaultValue = "P30D") Duration since,
      @RequestParam(defaultValue = "100") int limit) {
    return blocking(() -> deadLetters.audit(Instant.now().minus(since), Math.min(limit, 1_000)));
  }

  private String own(String queue) {
    String dlq = DeadLetterQueue.dlqName(queue);
    if (!ownDlqs.contains(dlq)) {
      throw new NotFoundException("no DLQ '" + dlq + "' of " + service + " (" + ownDlqs + ")");
    }
    return dlq;
  }

  /** The caller, for the audit: {@code token:<subject>} of its access token. */
  static Mono<Actor> actor(ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .map(Principal::getName)
        .map(subject -> new Actor("token:" + subject, "admin-api"))
        .defaultIfEmpty(new Actor("anonymous", "admin-api"));
  }

  private static <T> Mono<T> blocking(Callable<T> call) {
    return Mono.fromCallable(call)
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(UnknownQueueException.class, e -> new NotFoundException(e.getMessage(), e));
  }

  private static Set<String> nonNull(Set<String> values) {
    return values == null ? Set.of() : values;
  }

  /** A replay's filter, limit, rate and dry run, as the body of the request. */
  record Replay(
      Set<String> types,
      Set<String> ids,
      Set<String> subjects,
      Duration olderThan,
      int limit,
      double rate,
      boolean dryRun) {}

  /** What to purge; {@code confirm} false only reports what would go. */
  record Purge(Set<String> ids, boolean confirm) {}

  /** A DLQ's messages and the failure records of those that have one. */
  record Shown(DeadLetters.Shown deadLetters, List<MessageFailure> failures) {}
}
