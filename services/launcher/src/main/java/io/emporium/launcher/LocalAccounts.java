package io.emporium.launcher;

import io.emporium.local.AwsClients;
import io.emporium.local.CognitoPool;
import io.emporium.local.LocalCognito;
import io.emporium.local.MotoServer;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;

/**
 * Sign-in for the local shop: the user pool {@value #POOL} with the SPA's app client and the {@code
 * admins} group on the emulator, and two demo users (a shopper and an admin) whose passwords are
 * generated afresh by every {@code up}, printed, and never stored.
 *
 * <p>On moto, the pool, the client and the demo users are created right after seeding moto's random
 * generator with a fixed value, so they get the same ids (and the demo users the same {@code sub},
 * their customer id) after every restart of the emulator: their orders in PostgreSQL stay theirs.
 * Moto is reseeded at random straight after, so accounts signed up later get ids no one can
 * predict.
 */
public record LocalAccounts(CognitoPool pool, List<DemoUser> demoUsers) {

  static final String POOL = "emporium-local";
  static final String SHOPPER = "shopper@emporium.local";
  static final String ADMIN = "admin@emporium.local";
  private static final long STABLE_IDS = 20_261_130L;

  /** A demo user: its username (an email), its fresh password and its customer id. */
  public record DemoUser(String email, String password, String customerId, boolean admin) {}

  static LocalAccounts provision(URI awsEndpoint) {
    boolean moto = MotoServer.answers(awsEndpoint);
    try (LocalCognito cognito = new LocalCognito(AwsClients.emulator(awsEndpoint))) {
      if (moto) {
        MotoServer.seed(awsEndpoint, STABLE_IDS);
      }
      try {
        CognitoPool pool = cognito.provision(POOL);
        List<DemoUser> users =
            List.of(demo(cognito, pool, SHOPPER, false), demo(cognito, pool, ADMIN, true));
        return new LocalAccounts(pool, users);
      } finally {
        if (moto) {
          MotoServer.seed(awsEndpoint, new SecureRandom().nextInt(Integer.MAX_VALUE));
        }
      }
    } catch (RuntimeException e) {
      throw new LaunchException(
          "cannot set up Cognito (user pool, app client, demo users) at "
              + awsEndpoint
              + ": "
              + e.getMessage()
              + " — the emulator must emulate cognito-idp (moto does; LocalStack only in its Pro"
              + " edition)",
          e);
    }
  }

  private static DemoUser demo(
      LocalCognito cognito, CognitoPool pool, String email, boolean admin) {
    String password = LocalCognito.newPassword();
    String sub = cognito.createUser(pool, email, password, admin);
    return new DemoUser(email, password, sub, admin);
  }
}
