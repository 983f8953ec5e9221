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
 * TestUsers} pool: expired, signed by another key, issued by another pool, issued to another app
 * client, and the user's ID token instead of the access token.
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

  /** A genuine access token of another user pool on the same emulator (same signing key). */
  public String wrongIssuer() {
    try (var cognito = new LocalCognito(users.clients())) {
      return TestUsers.on(cognito.provision("emporium-elsewhere")).newShopper().accessToken();
    }
  }

  /** A genuine access token of the user, from another app client of the same pool. */
  public String wrongClient(TestUser user) {
    try (var cognito = new LocalCognito(users.clients())) {
      String other = cognito.createClient(users.identity().userPoolId(), "not-the-shop");
      return cognito.signIn(other, user.email(), user.password()).accessToken();
    }
  }

  /** The user's ID token: signed by the pool, but not an access token. */
  public String idToken(TestUser user) {
    return user.idToken();
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
