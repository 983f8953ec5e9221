package io.emporium.local;

import java.net.URI;
import java.util.Map;

/**
 * A user pool with the shop's SPA app client on an emulator: what every service and the edge are
 * given as {@code EMPORIUM_IDENTITY_*}.
 */
public record CognitoPool(String region, String userPoolId, String clientId, URI endpoint) {

  /** The environment of a service or the edge that accepts this pool's access tokens. */
  public Map<String, String> environment() {
    return Map.of(
        "EMPORIUM_IDENTITY_REGION", region,
        "EMPORIUM_IDENTITY_USER_POOL_ID", userPoolId,
        "EMPORIUM_IDENTITY_CLIENT_ID", clientId,
        "EMPORIUM_IDENTITY_COGNITO_ENDPOINT", endpoint.toString());
  }

  /** The same settings as Spring properties ({@code emporium.identity.*}). */
  public Map<String, String> properties() {
    return Map.of(
        "emporium.identity.region", region,
        "emporium.identity.user-pool-id", userPoolId,
        "emporium.identity.client-id", clientId,
        "emporium.identity.cognito-endpoint", endpoint.toString());
  }
}
