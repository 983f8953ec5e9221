package io.emporium.notification.notifications;

import io.emporium.boundary.identity.CustomerId;
import io.emporium.events.notification.NotificationSent;
import io.emporium.notification.config.NotificationProperties;
import io.emporium.notification.email.EmailTemplates;
import io.emporium.notification.email.RenderedEmail;
import io.emporium.notification.email.SesEmailSender;
import io.emporium.platform.messaging.r2dbc.R2dbcOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The inbox use cases: notify a customer about an order event, and list their notifications.
 *
 * <p>An email cannot take part in a database transaction, so a notification is delivered in three
 * steps, each safe to repeat ({@link #record} once per event, then {@link #send} on every
 * delivery):
 *
 * <ol>
 *   <li><b>Record</b>, in one transaction: the event id ({@code processed_events}) and the rendered
 *       notification, PENDING. One notification per order and template, so even a second event
 *       about the same fact (a new event id) records nothing new.
 *   <li><b>Send</b> it through SES, outside any transaction, after claiming it for a lease ({@code
 *       emporium.notification.send-lease}) so a concurrent delivery of the same event does not send
 *       it too.
 *   <li><b>Mark it SENT</b> with SES's message id and append {@code NotificationSent} to the
 *       outbox, in a second transaction.
 * </ol>
 *
 * <p>A failed send releases the claim, leaves the notification PENDING and fails the message: it is
 * retried with backoff (and after maxReceiveCount lands in the DLQ). The redelivery finds its event
 * id already processed, skips step 1, finds the PENDING notification and sends it: nothing is
 * recorded or sent twice. A notification found SENT is left alone. The one window left is a crash
 * between SES accepting the email and step 3 committing: the retry then sends it again
 * (at-least-once toward SES, which has no idempotency key).
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final NotificationRepository notifications;
  private final R2dbcOutbox outbox;
  private final EmailTemplates templates;
  private final SesEmailSender sender;
  private final TransactionalOperator transactions;
  private final NotificationProperties properties;
  private final MeterRegistry meters;

  Notifications(
      NotificationRepository notifications,
      R2dbcOutbox outbox,
      EmailTemplates templates,
      SesEmailSender sender,
      ReactiveTransactionManager transactionManager,
      NotificationProperties properties,
      MeterRegistry meters) {
    this.notifications = notifications;
    this.outbox = outbox;
    this.templates = templates;
    this.sender = sender;
    this.transactions = TransactionalOperator.create(transactionManager);
    this.properties = properties;
    this.meters = meters;
  }

  /**
   * Step 1: records the notification event {@code eventId} calls for, PENDING. The listener runs it
   * once per event ({@code Effect.once}), in one transaction with the event's record.
   */
  public Mono<Void> record(UUID eventId, NotificationRequest request) {
    return Mono.defer(() -> insert(eventId, request));
  }

  /**
   * Steps 2 and 3: sends the PENDING notification for the request's order and template (claimed for
   * a lease), marks it SENT and reports it; nothing when it was sent already. Safe to repeat: the
   * listener runs it after every delivery of the event.
   */
  public Mono<Void> send(NotificationRequest request) {
    return Mono.defer(() -> sendPending(request.orderId(), request.template().templateName()));
  }

  Mono<Page<NotificationView>> inbox(CustomerId customer, int page, int size) {
    return notifications
        .inbox(customer.value(), page, size)
        .map(NotificationView::of)
        .collectList()
        .zipWith(notifications.count(customer.value()))
        .map(itemsAndTotal -> Page.of(itemsAndTotal.getT1(), page, size, itemsAndTotal.getT2()));
  }

  private Mono<Void> insert(UUID eventId, NotificationRequest request) {
    RenderedEmail email = templates.render(request.template(), request.values());
    return notifications.insertIfAbsent(
        new Notification(
            UUID.randomUUID(),
            eventId,
            request.customer().id(),
            request.orderId(),
            request.template().templateName(),
            Notification.EMAIL,
            request.customer().email(),
            email.subject(),
            email.text(),
            email.html(),
            NotificationStatus.PENDING,
            null,
            Instant.now()));
  }

  private Mono<Void> sendPending(String orderId, String template) {
    return notifications
        .claimForSending(orderId, template, properties.sendLease())
        .map(this::send)
        .defaultIfEmpty(Mono.defer(() -> alreadySentOrBusy(orderId, template)))
        .flatMap(step -> step);
  }

  private Mono<Void> send(Notification n) {
    var email = new RenderedEmail(n.subject(), n.bodyText(), n.bodyHtml());
    return sender
        .send(n.recipient(), email)
        .onErrorResume(error -> sendFailed(n, error))
        .flatMap(messageId -> transactions.transactional(markSent(n, messageId)));
  }

  private Mono<Void> markSent(Notification n, String messageId) {
    return notifications
        .markSent(n.notificationId(), messageId)
        .filter(updated -> updated)
        .flatMap(
            updated ->
                outbox.append(
                    new NotificationSent(
                        n.notificationId().toString(),
                        n.customerId(),
                        n.orderId(),
                        n.channel(),
                        n.template(),
                        messageId)))
        .doOnNext(
            sent -> {
              meters.counter("emporium.notification.sent", "template", n.template()).increment();
              log.info(
                  "notification sent: id={} order={} template={} messageId={}",
                  n.notificationId(),
                  n.orderId(),
                  n.template(),
                  messageId);
            })
        .then();
  }

  private Mono<String> sendFailed(Notification n, Throwable error) {
    meters.counter("emporium.notification.send.failures", "template", n.template()).increment();
    return notifications.releaseClaim(n.notificationId()).then(Mono.error(error));
  }

  private Mono<Void> alreadySentOrBusy(String orderId, String template) {
    return notifications
        .find(orderId, template)
        .switchIfEmpty(
            Mono.error(
                () -> new IllegalStateException("no " + template + " notification for " + orderId)))
        .flatMap(
            n ->
                n.status() == NotificationStatus.SENT
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new IllegalStateException(
                            "notification "
                                + n.notificationId()
                                + " is being sent by another delivery; retrying later")));
  }
}
