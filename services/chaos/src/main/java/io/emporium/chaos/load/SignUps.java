package io.emporium.chaos.load;

import io.emporium.local.AwsClients;
import io.emporium.local.CognitoPool;
import io.emporium.local.LocalCognito;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Accounts for the load's shoppers in the shop's user pool, created and signed in (as the SPA signs
 * in) on the emulator itself, before a phase's faults begin: a shopper arrives signed in.
 */
public final class SignUps {

  private static final int AT_ONCE = 8;

  private final CognitoPool pool;
  private final URI emulator;

  public SignUps(CognitoPool pool, URI emulator) {
    this.pool = pool;
    this.emulator = emulator;
  }

  /** {@code count} new shoppers named {@code chaos-<prefix>-<n>@example.com}, signed in. */
  public List<Shopper> shoppers(String prefix, int count) throws InterruptedException {
    List<Future<Shopper>> signedUp = new ArrayList<>();
    try (ExecutorService threads =
        Executors.newFixedThreadPool(AT_ONCE, Thread.ofVirtual().factory())) {
      for (int i = 0; i < count; i++) {
        String email = "chaos-" + prefix + "-" + i + "@example.com";
        signedUp.add(threads.submit(() -> signUp(email)));
      }
      List<Shopper> shoppers = new ArrayList<>();
      for (Future<Shopper> shopper : signedUp) {
        try {
          shoppers.add(shopper.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(
              "cannot sign a shopper up: " + e.getCause(), e.getCause());
        }
      }
      return shoppers;
    }
  }

  private Shopper signUp(String email) {
    try (LocalCognito cognito = new LocalCognito(AwsClients.emulator(emulator))) {
      String password = LocalCognito.newPassword();
      String sub = cognito.createUser(pool, email, password, false);
      String token = cognito.signIn(pool.clientId(), email, password).accessToken();
      return new Shopper(sub, email, token);
    }
  }
}
