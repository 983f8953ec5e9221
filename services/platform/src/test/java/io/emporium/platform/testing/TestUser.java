package io.emporium.platform.testing;

import org.springframework.http.HttpHeaders;

/**
 * A user of the test pool, signed in: {@code id} is the {@code sub} (the customer id every service
 * sees), {@code accessToken} what the API takes, {@code idToken} what it must refuse.
 */
public record TestUser(
    String id,
    String email,
    String password,
    boolean admin,
    String accessToken,
    String idToken,
    String refreshToken) {

  /** The value of an {@code Authorization} header with this user's access token. */
  public String bearer() {
    return "Bearer " + accessToken;
  }

  /** For {@code WebTestClient}: {@code .headers(user::authorize)}. */
  public void authorize(HttpHeaders headers) {
    headers.setBearerAuth(accessToken);
  }

  @Override
  public String toString() {
    return "TestUser[" + email + ", sub " + id + (admin ? ", admin" : "") + "]";
  }
}
