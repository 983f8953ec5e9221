package io.emporium.cart.account;

import io.emporium.boundary.identity.IdentityProperties;
import io.emporium.platform.identity.UnauthenticatedException;
import io.emporium.platform.web.BusinessRuleException;
import io.emporium.platform.web.ProblemException;
import io.emporium.platform.web.ProblemType;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * The signed-in shopper's email, where an order's mail goes: Cognito {@code GetUser} called with
 * the shopper's own access token (no IAM permission: the token is the authorization; see ADR 0012).
 * Never a field of the request, so no one can make the shop mail an address that is not theirs.
 */
@Component
public class AccountEmails implements DisposableBean {

  static final ProblemType IDENTITY_UNAVAILABLE =
      new ProblemType("identity-unavailable", 503, "Identity service unavailable");
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(AccountEmails.class);

  private final CognitoIdentityProviderAsyncClient cognito;

  AccountEmails(IdentityProperties identity) {
    this.cognito =
        CognitoIdentityProviderAsyncClient.builder()
            .endpointOverride(identity.apiEndpoint())
            .region(Region.of(identity.region()))
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build();
  }

  /**
   * The account's email; 422 when it has none or it is not verified, 401 when Cognito no longer
   * takes the token (signed out), 503 when Cognito cannot be asked.
   */
  public Mono<String> of(String accessToken) {
    return Mono.fromFuture(() -> cognito.getUser(b -> b.accessToken(accessToken)))
        .timeout(TIMEOUT)
        .onErrorMap(AccountEmails::problem)
        .flatMap(AccountEmails::email);
  }

  private static Mono<String> email(GetUserResponse user) {
    Map<String, String> attributes =
        user.userAttributes().stream()
            .collect(Collectors.toMap(AttributeType::name, AttributeType::value, (a, b) -> a));
    String email = attributes.get("email");
    if (email == null || email.isBlank()) {
      return Mono.error(
          new BusinessRuleException("Your account has no email address: add one to check out"));
    }
    if ("false".equals(attributes.get("email_verified"))) {
      return Mono.error(
          new BusinessRuleException("Confirm your email address before checking out"));
    }
    return Mono.just(email);
  }

  private static Throwable problem(Throwable error) {
    if (error instanceof ProblemException) {
      return error;
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof NotAuthorizedException) {
        return new UnauthenticatedException("Your session has ended: sign in again");
      }
    }
    log.warn("Cognito GetUser failed: {}", error.toString());
    return new ProblemException(
        IDENTITY_UNAVAILABLE, "Your account cannot be read right now; try again shortly", error);
  }

  @Override
  public void destroy() {
    cognito.close();
  }
}
