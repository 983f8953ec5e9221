package io.emporium.bench.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * Signs shoppers up and in as the SPA does, against the Cognito JSON API the shop's {@code
 * /config.json} names: SignUp, ConfirmSignUp (the emulator takes any code), InitiateAuth with
 * USER_PASSWORD_AUTH. The shopper is then known by the access token's {@code sub}.
 */
public final class CognitoSignUp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Bench-Pass-42!";

  private final HttpClient http = HttpClient.create().responseTimeout(Duration.ofSeconds(30));
  private final URI endpoint;
  private final String clientId;

  public CognitoSignUp(URI endpoint, String clientId) {
    this.endpoint = endpoint;
    this.clientId = clientId;
  }

  /** A new account for {@code email}, signed in. */
  public Mono<Shopper> shopper(String email) {
    return call(
            "SignUp",
            Map.of(
                "ClientId",
                clientId,
                "Username",
                email,
                "Password",
                PASSWORD,
                "UserAttributes",
                java.util.List.of(Map.of("Name", "email", "Value", email))))
        .then(
            call(
                "ConfirmSignUp",
                Map.of("ClientId", clientId, "Username", email, "ConfirmationCode", "123456")))
        .then(
            call(
                "InitiateAuth",
                Map.of(
                    "ClientId",
                    clientId,
                    "AuthFlow",
                    "USER_PASSWORD_AUTH",
                    "AuthParameters",
                    Map.of("USERNAME", email, "PASSWORD", PASSWORD))))
        .map(
            auth -> {
              String token = auth.path("AuthenticationResult").path("AccessToken").asText();
              return new Shopper(subOf(token), email, Map.of("Authorization", "Bearer " + token));
            });
  }

  /** The {@code sub} claim of a JWT (not verified: the shop verifies it). */
  static String subOf(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      throw new IllegalStateException("Cognito answered no access token");
    }
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("sub").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable access token", e);
    }
  }

  private Mono<JsonNode> call(String action, Map<String, Object> body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Mono.error(e);
    }
    return http.headers(
            h ->
                h.set("Content-Type", "application/x-amz-json-1.1")
                    .set("X-Amz-Target", "AWSCognitoIdentityProviderService." + action))
        .post()
        .uri(endpoint.toString())
        .send(ByteBufFlux.fromInbound(Mono.just(bytes)))
        .responseSingle(
            (response, content) ->
                content
                    .asString(StandardCharsets.UTF_8)
                    .defaultIfEmpty("{}")
                    .flatMap(
                        text -> {
                          if (response.status().code() >= 300) {
                            return Mono.error(
                                new IllegalStateException(
                                    "Cognito "
                                        + action
                                        + " answered "
                                        + response.status().code()
                                        + ": "
                                        + text));
                          }
                          try {
                            return Mono.just(JSON.readTree(text));
                          } catch (java.io.IOException e) {
                            return Mono.error(e);
                          }
                        }));
  }
}
