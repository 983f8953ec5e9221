package io.emporium.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.emporium.local.LocalCognito;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Tokens the shop must refuse (401), each wrong in exactly one way, for a user of a {@link
 * TestUsers} pool: expired, signed by another key, naming another pool as issuer, issued to another
 * app client, marked as an ID token, and the user's genuine ID token instead of the access token.
 * Where a claim is changed, the user's own access-token claims are re-signed with the emulator's
 * key ({@link MotoSigningKey}) with only that claim different, so each check of the shop is needed
 * on its own for the token to be refused.
 */
public final class BadTokens {

  private final TestUsers users;

  private BadTokens(TestUsers users) {
    this.users = users;
  }

  public static BadTokens of(TestUsers users) {
    return new BadTokens(users);
  }

  /** The user's access token, expired two hours ago (signed with the emulator's own key). */
  public String expired(TestUser user) {
    Instant past = Instant.now().minus(Duration.ofHours(3));
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(claims(user.accessToken()))
            .issueTime(Date.from(past))
            .claim("auth_time", past.getEpochSecond())
            .expirationTime(Date.from(past.plus(Duration.ofHours(1))))
            .build();
    return sign(claims, MotoSigningKey.get());
  }

  /** The user's access token as it is, but signed by a key the pool never published. */
  public String wrongKey(TestUser user) {
    try {
      RSAKey stranger = new RSAKeyGenerator(2048).keyID(MotoSigningKey.get().getKeyID()).generate();
      return sign(claims(user.accessToken()), stranger);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The user's access token, with only {@code iss} naming another pool of the same region, signed
   * with the emulator's own key.
   */
  public String wrongIssuer(TestUser user) {
    String issuer = claims(user.accessToken()).getIssuer();
    String elsewhere = issuer.substring(0, issuer.lastIndexOf('_') + 1) + "Elsewhere1";
    return resigned(user, "iss", elsewhere);
  }

  /**
   * The user's access token, with only {@code token_use} saying {@code id}, signed with the
   * emulator's own key.
   */
  public String accessTokenMarkedId(TestUser user) {
    return resigned(user, "token_use", "id");
  }

  /** A genuine access token of the user, from another app client of the same pool. */
  public String wrongClient(TestUser user) {
    try (var cognito = new LocalCognito(users.clients())) {
      String other = cognito.createClient(users.identity().userPoolId(), "not-the-shop");
      return cognito.signIn(other, user.email(), user.password()).accessToken();
    }
  }

  /**
   * The user's genuine ID token: signed by the pool, but not an access token (moto's has {@code
   * aud} and no {@code client_id}).
   */
  public String idToken(TestUser user) {
    return user.idToken();
  }

  private static String resigned(TestUser user, String claim, String value) {
    JWTClaimsSet claims = claims(user.accessToken());
    if (value.equals(claims.getClaim(claim))) {
      throw new IllegalStateException(claim + " is already " + value);
    }
    return sign(new JWTClaimsSet.Builder(claims).claim(claim, value).build(), MotoSigningKey.get());
  }

  private static JWTClaimsSet claims(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JWT", e);
    }
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
