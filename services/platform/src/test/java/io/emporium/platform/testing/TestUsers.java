package io.emporium.platform.testing;

import io.emporium.local.AwsClients;
import io.emporium.local.CognitoPool;
import io.emporium.local.LocalCognito;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users of a Cognito user pool on the emulator, signed in as the SPA signs in (USER_PASSWORD_AUTH
 * on the shop's app client): shoppers and admins for every service's tests and the end-to-end
 * suite. {@link #forTestEnvironment()} is the test JVM's own pool (what {@link
 * SpringTestProperties#aws} gives the service under test); {@link #on} any other, e.g. the one
 * {@code LocalStack} provisioned.
 */
public final class TestUsers {

  /** The pool of the test JVM's services. */
  public static final String POOL = "emporium-test";

  private static TestUsers testEnvironment;

  private final CognitoPool pool;
  private final AwsClients clients;
  private final Map<String, TestUser> named = new ConcurrentHashMap<>();
  private final Map<String, TestUser> bySub = new ConcurrentHashMap<>();

  private TestUsers(CognitoPool pool) {
    this.pool = pool;
    this.clients = AwsClients.emulator(pool.endpoint());
  }

  /** The users of {@code pool} (on an emulator). */
  public static TestUsers on(CognitoPool pool) {
    return new TestUsers(pool);
  }

  /** The users of the test JVM's pool, provisioned on first use. */
  public static synchronized TestUsers forTestEnvironment() {
    if (testEnvironment == null) {
      try (var cognito = new LocalCognito(TestEnvironment.cognito().clients())) {
        testEnvironment = new TestUsers(cognito.provision(POOL));
      }
    }
    return testEnvironment;
  }

  /** The test JVM's pool: what its services are configured with. */
  public static CognitoPool pool() {
    return forTestEnvironment().pool;
  }

  public CognitoPool identity() {
    return pool;
  }

  /** A new shopper (its own sub), signed in. */
  public TestUser newShopper() {
    return create("shopper-" + UUID.randomUUID() + "@example.com", false);
  }

  /** A new shopper whose account has the email {@code email} (e.g. one a validator refuses). */
  public TestUser newShopperWithEmail(String email) {
    return create(email, false);
  }

  /** A new member of the admins group, signed in. */
  public TestUser newAdmin() {
    return create("admin-" + UUID.randomUUID() + "@example.com", true);
  }

  /**
   * The same shopper for the same {@code name} within this JVM (created on first use), for tests
   * that name their customers.
   */
  public TestUser shopper(String name) {
    return named.computeIfAbsent(name, n -> newShopper());
  }

  /** The user created here whose sub (customer id) is {@code id}, e.g. the customer of an event. */
  public TestUser withId(String id) {
    TestUser user = bySub.get(id);
    if (user == null) {
      throw new IllegalArgumentException("no test user has sub " + id);
    }
    return user;
  }

  /** Signs {@code user} in again: fresh tokens. */
  public TestUser signIn(TestUser user) {
    return signIn(user.email(), user.password(), user.admin(), user.id());
  }

  private TestUser signIn(String email, String password, boolean admin, String sub) {
    try (var cognito = new LocalCognito(clients)) {
      var tokens = cognito.signIn(pool.clientId(), email, password);
      return new TestUser(
          sub,
          email,
          password,
          admin,
          tokens.accessToken(),
          tokens.idToken(),
          tokens.refreshToken());
    }
  }

  private TestUser create(String email, boolean admin) {
    String password = LocalCognito.newPassword();
    String sub;
    try (var cognito = new LocalCognito(clients)) {
      sub = cognito.createUser(pool, email, password, admin);
    }
    TestUser user = signIn(email, password, admin, sub);
    bySub.put(sub, user);
    return user;
  }

  AwsClients clients() {
    return clients;
  }
}
