package io.emporium.notification.email;

import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

/** Sends emails through SES (API v2) from the configured sender; answers SES's message id. */
public class SesEmailSender {

  private static final String CHARSET = "UTF-8";

  private final SesV2AsyncClient ses;
  private final String sender;

  public SesEmailSender(SesV2AsyncClient ses, String sender) {
    this.ses = ses;
    this.sender = sender;
  }

  public Mono<String> send(String recipient, RenderedEmail email) {
    return Mono.fromFuture(
            () ->
                ses.sendEmail(
                    request ->
                        request
                            .fromEmailAddress(sender)
                            .destination(to -> to.toAddresses(recipient))
                            .content(
                                content ->
                                    content.simple(
                                        message ->
                                            message
                                                .subject(utf8(email.subject()))
                                                .body(
                                                    Body.builder()
                                                        .text(utf8(email.text()))
                                                        .html(utf8(email.html()))
                                                        .build())))))
        .map(SendEmailResponse::messageId);
  }

  private static Content utf8(String data) {
    return Content.builder().data(data).charset(CHARSET).build();
  }
}
