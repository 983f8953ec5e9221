package io.emporium.edge.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.identity.*}, the same settings every service has (no defaults): the user pool the
 * SPA signs in to. The edge publishes them as {@code /config.json} and verifies access tokens with
 * them to key its per-customer limits.
 */
@Validated
@ConfigurationProperties("emporium.identity")
public record EdgeIdentityProperties(
    @NotBlank(message = "must be set (EMPORIUM_IDENTITY_REGION): the Cognito user pool's region")
        String region,
    @NotBlank(message = "must be set (EMPORIUM_IDENTITY_USER_POOL_ID): the Cognito user pool")
        String userPoolId,
    @NotBlank(message = "must be set (EMPORIUM_IDENTITY_CLIENT_ID): the SPA's app client id")
        String clientId,
    URI cognitoEndpoint,
    @NotNull @DefaultValue("30s") Duration clockSkew) {

  String issuer() {
    return "https://cognito-idp.%s.amazonaws.com/%s".formatted(region, userPoolId);
  }

  String jwkSetUri() {
    if (cognitoEndpoint == null) {
      return issuer() + "/.well-known/jwks.json";
    }
    String base = cognitoEndpoint.toString().replaceAll("/+$", "");
    return base + "/" + userPoolId + "/.well-known/jwks.json";
  }
}
