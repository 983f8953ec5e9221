package io.emporium.local;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/**
 * Cognito on an emulator, as {@code ./emporium up} and the tests set it up: a user pool, the SPA's
 * app client (no secret; USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH) and the {@code admins} group;
 * users with passwords, signed in with USER_PASSWORD_AUTH. Never used against AWS (Terraform owns
 * the real pool).
 */
public final class LocalCognito implements AutoCloseable {

  /** The group whose members may use admin APIs. */
  public static final String ADMINS = "admins";

  /** The SPA's app client. */
  public static final String SPA_CLIENT = "emporium-spa";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final AwsClients aws;
  private final CognitoIdentityProviderClient cognito;

  public LocalCognito(AwsClients aws) {
    this.aws = aws;
    this.cognito = aws.cognito();
  }

  /** The pool named {@code poolName} with its SPA client and admins group, created if missing. */
  public CognitoPool provision(String poolName) {
    String poolId =
        findPool(poolName)
            .orElseGet(() -> cognito.createUserPool(b -> b.poolName(poolName)).userPool().id());
    String clientId =
        findClient(poolId, SPA_CLIENT).orElseGet(() -> createClient(poolId, SPA_CLIENT));
    try {
      cognito.createGroup(b -> b.userPoolId(poolId).groupName(ADMINS));
    } catch (GroupExistsException exists) {
      // provisioned before
    }
    return new CognitoPool(aws.region().id(), poolId, clientId, aws.endpoint());
  }

  /** Another app client of the pool (a token of it must be refused by the shop). */
  public String createClient(String poolId, String name) {
    return cognito
        .createUserPoolClient(
            b ->
                b.userPoolId(poolId)
                    .clientName(name)
                    .generateSecret(false)
                    .explicitAuthFlows(
                        ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
        .userPoolClient()
        .clientId();
  }

  /**
   * A confirmed user named by its (verified) email with a permanent password, in the admins group
   * when {@code admin}; an existing one gets the new password. Returns the user's {@code sub}.
   */
  public String createUser(CognitoPool pool, String email, String password, boolean admin) {
    String poolId = pool.userPoolId();
    if (!exists(poolId, email)) {
      cognito.adminCreateUser(
          b ->
              b.userPoolId(poolId)
                  .username(email)
                  .messageAction(MessageActionType.SUPPRESS)
                  .userAttributes(attribute("email", email), attribute("email_verified", "true")));
    }
    cognito.adminSetUserPassword(
        b -> b.userPoolId(poolId).username(email).password(password).permanent(true));
    if (admin) {
      cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username(email).groupName(ADMINS));
    }
    return cognito.adminGetUser(b -> b.userPoolId(poolId).username(email)).userAttributes().stream()
        .filter(a -> a.name().equals("sub"))
        .map(AttributeType::value)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("user " + email + " has no sub"));
  }

  /** Signs in with USER_PASSWORD_AUTH as the SPA does: access, ID and refresh tokens. */
  public AuthenticationResultType signIn(String clientId, String username, String password) {
    return cognito
        .initiateAuth(
            b ->
                b.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", password)))
        .authenticationResult();
  }

  /**
   * A fresh password that Cognito's default policy accepts (upper and lower case, digits, a symbol,
   * 20 characters), from a secure random source: never stored anywhere.
   */
  public static String newPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      password.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    return password.append("aZ7-").toString();
  }

  private boolean exists(String poolId, String username) {
    try {
      cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
      return true;
    } catch (UserNotFoundException e) {
      return false;
    }
  }

  private Optional<String> findPool(String name) {
    List<UserPoolDescriptionType> pools = cognito.listUserPools(b -> b.maxResults(60)).userPools();
    return pools.stream()
        .filter(p -> name.equals(p.name()))
        .map(UserPoolDescriptionType::id)
        .findFirst();
  }

  private Optional<String> findClient(String poolId, String name) {
    return cognito
        .listUserPoolClients(b -> b.userPoolId(poolId).maxResults(60))
        .userPoolClients()
        .stream()
        .filter(c -> name.equals(c.clientName()))
        .map(UserPoolClientDescription::clientId)
        .findFirst();
  }

  private static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  @Override
  public void close() {
    cognito.close();
  }
}
