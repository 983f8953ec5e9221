package io.emporium.boundary.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.identity.*}: whose access tokens a service (and the edge) accepts. No defaults: a
 * server without them does not start. The edge also publishes them to the SPA as {@code
 * /config.json}.
 *
 * @param region the user pool's AWS region (EMPORIUM_IDENTITY_REGION)
 * @param userPoolId the Cognito user pool (EMPORIUM_IDENTITY_USER_POOL_ID)
 * @param clientId the SPA's app client: the only {@code client_id} accepted
 *     (EMPORIUM_IDENTITY_CLIENT_ID)
 * @param cognitoEndpoint only where Cognito is an emulator (EMPORIUM_IDENTITY_COGNITO_ENDPOINT):
 *     its JWKS is read there; the issuer stays the AWS one
 * @param clockSkew how far a token's expiry may be passed (clocks differ a little)
 */
@Validated
@ConfigurationProperties("emporium.identity")
public record IdentityProperties(
    @NotBlank(message = "must be set (EMPORIUM_IDENTITY_REGION): the Cognito user pool's region")
        String region,
    @NotBlank(message = "must be set (EMPORIUM_IDENTITY_USER_POOL_ID): the Cognito user pool")
        String userPoolId,
    @NotBlank(message = "must be set (EMPORIUM_IDENTITY_CLIENT_ID): the SPA's app client id")
        String clientId,
    URI cognitoEndpoint,
    @NotNull @DefaultValue("30s") Duration clockSkew) {

  /** The {@code iss} of the pool's tokens; the AWS form also on the emulator. */
  public String issuer() {
    return "https://cognito-idp.%s.amazonaws.com/%s".formatted(region, userPoolId);
  }

  /** Where the pool's signing keys are published. */
  public URI jwkSetUri() {
    String base =
        cognitoEndpoint == null ? issuer() : stripSlash(cognitoEndpoint) + "/" + userPoolId;
    return URI.create(base + "/.well-known/jwks.json");
  }

  /** The Cognito API endpoint: the emulator's, else AWS's for the region. */
  public URI apiEndpoint() {
    return cognitoEndpoint != null
        ? cognitoEndpoint
        : URI.create("https://cognito-idp.%s.amazonaws.com".formatted(region));
  }

  private static String stripSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
