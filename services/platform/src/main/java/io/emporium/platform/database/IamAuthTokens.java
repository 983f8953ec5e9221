package io.emporium.platform.database;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * RDS IAM authentication tokens: a presigned {@code rds-db:connect} request that PostgreSQL accepts
 * as the password of a user granted {@code rds_iam}, for 15 minutes, for new connections only.
 */
public class IamAuthTokens {

  private final RdsUtilities rds;

  IamAuthTokens(RdsUtilities rds) {
    this.rds = rds;
  }

  /** A token to log in as {@code user} at {@code host:port}, signed now. */
  public String generate(String host, int port, String user) {
    return rds.generateAuthenticationToken(
        request -> request.hostname(host).port(port).username(user));
  }

  /**
   * A password source for connection pools: each subscription signs a new token, off the event loop
   * (refreshing IRSA credentials may call STS).
   */
  Mono<CharSequence> perSubscription(String host, int port, String user) {
    return Mono.<CharSequence>fromCallable(() -> generate(host, port, user))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
