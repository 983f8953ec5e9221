package io.emporium.platform.testing;

import io.emporium.local.AwsClients;
import io.emporium.local.MotoServer;
import java.net.URI;

/**
 * The AWS endpoint tests talk to: one given by the environment, a LocalStack container, or a moto
 * server this JVM started (and so may reset).
 */
public record AwsEmulator(URI endpoint, String kind, MotoServer ownedMoto) {

  public AwsClients clients() {
    return AwsClients.emulator(endpoint);
  }

  /** Forgets every resource when this JVM owns the emulator; a shared one is left alone. */
  public void reset() {
    if (ownedMoto != null) {
      ownedMoto.reset();
    }
  }
}
