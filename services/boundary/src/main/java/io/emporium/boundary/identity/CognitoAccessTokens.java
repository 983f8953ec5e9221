package io.emporium.boundary.identity;

import java.time.Instant;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * What makes a Cognito token acceptable here: an RS256 signature by a key of the pool's JWKS, the
 * pool's issuer (compared as a string: no discovery), {@code token_use = access} (an ID token is
 * refused), {@code client_id} = the shop's app client, an expiry not passed (with a small clock
 * skew) and a subject.
 */
public final class CognitoAccessTokens {

  /** The claim that lists the user's Cognito groups. */
  public static final String GROUPS = "cognito:groups";

  private CognitoAccessTokens() {}

  public static ReactiveJwtDecoder decoder(IdentityProperties identity) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(identity.jwkSetUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(validator(identity));
    return decoder;
  }

  public static OAuth2TokenValidator<Jwt> validator(IdentityProperties identity) {
    return new DelegatingOAuth2TokenValidator<>(
        new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
        new JwtTimestampValidator(identity.clockSkew()),
        new JwtIssuerValidator(identity.issuer()),
        new JwtClaimValidator<String>(JwtClaimNames.SUB, CustomerId::isValid),
        new JwtClaimValidator<String>("token_use", "access"::equals),
        new JwtClaimValidator<String>("client_id", identity.clientId()::equals));
  }
}
