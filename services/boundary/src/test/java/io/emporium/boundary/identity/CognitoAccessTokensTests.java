package io.emporium.boundary.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims checks of {@link CognitoAccessTokens}, one claim wrong per case, so that every check
 * is needed on its own (the signature is the decoder's, tested with the emulator's keys).
 */
class CognitoAccessTokensTests {

  private static final IdentityProperties IDENTITY =
      new IdentityProperties(
          "eu-west-1", "eu-west-1_Shop1", "shop-client", null, Duration.ofSeconds(30));
  private static final Instant NOW = Instant.now();

  private final OAuth2TokenValidator<Jwt> validator = CognitoAccessTokens.validator(IDENTITY);

  @Test
  void acceptsThePoolsAccessTokenForTheShopsClient() {
    assertThat(validate(token -> token)).isEmpty();
  }

  @Test
  void acceptsAnExpiryPassedByLessThanTheClockSkew() {
    assertThat(validate(token -> token.expiresAt(NOW.minusSeconds(10)))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "issuer",
        "token_use",
        "client_id",
        "expired beyond skew",
        "no expiry",
        "no sub",
        "malformed sub"
      })
  void refusesATokenWrongInOneClaim(String wrong) {
    assertThat(validate(oneClaimWrong(wrong))).as(wrong).isNotEmpty();
  }

  private static UnaryOperator<Jwt.Builder> oneClaimWrong(String wrong) {
    return switch (wrong) {
      case "issuer" -> t -> t.issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other");
      case "token_use" -> t -> t.claim("token_use", "id");
      case "client_id" -> t -> t.claim("client_id", "another-client");
      case "expired beyond skew" -> t -> t.expiresAt(NOW.minusSeconds(120));
      case "no expiry" -> t -> t.claims(claims -> claims.remove("exp"));
      case "no sub" -> t -> t.claims(claims -> claims.remove("sub"));
      case "malformed sub" -> t -> t.subject("bob@example.com");
      default -> throw new IllegalArgumentException(wrong);
    };
  }

  private Collection<?> validate(UnaryOperator<Jwt.Builder> change) {
    Jwt.Builder token =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .issuer(IDENTITY.issuer())
            .subject("5b3f6a1e-0d5c-4c55-9a7e-1f3c2b4d6e70")
            .claim("token_use", "access")
            .claim("client_id", "shop-client")
            .issuedAt(NOW.minusSeconds(3600))
            .expiresAt(NOW.plusSeconds(3600));
    OAuth2TokenValidatorResult result = validator.validate(change.apply(token).build());
    return result.getErrors();
  }
}
