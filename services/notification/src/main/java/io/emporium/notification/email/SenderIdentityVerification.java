package io.emporium.notification.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;

/**
 * Local only (with {@code emporium.notification.verify-sender=true}, the local profile): creates
 * the sender's email identity in the emulator at startup, before listeners start, since SES refuses
 * unverified senders. In AWS the identity is Terraform's (and verified by DNS).
 */
public class SenderIdentityVerification implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(SenderIdentityVerification.class);

  private final SesV2AsyncClient ses;
  private final String sender;

  public SenderIdentityVerification(SesV2AsyncClient ses, String sender) {
    this.ses = ses;
    this.sender = sender;
  }

  /** Attempts of the first call: on a busy machine a cold client may not connect in time. */
  static final int ATTEMPTS = 3;

  @Override
  public void afterPropertiesSet() {
    for (int attempt = 1; ; attempt++) {
      try {
        ses.createEmailIdentity(b -> b.emailIdentity(sender)).join();
        log.info("SES identity {} created for local sending", sender);
        return;
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof AlreadyExistsException) {
          log.info("SES identity {} already exists", sender);
          return;
        }
        if (!(e.getCause() instanceof SdkClientException) || attempt == ATTEMPTS) {
          throw e;
        }
        log.warn("creating SES identity {} failed ({}), retrying", sender, e.getCause().toString());
      }
    }
  }
}
