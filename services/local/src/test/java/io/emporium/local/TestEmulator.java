package io.emporium.local;

import java.util.function.Supplier;

/**
 * The launcher's own tests' emulator: one moto server per test JVM on a free port, reset and
 * provisioned ({@link LocalProvisioning}, environment {@value #ENV}) for each test class that asks.
 * (The services' tests use the platform's harness, which builds on these same tools.)
 */
public final class TestEmulator {

  public static final String ENV = "test";

  private static final Supplier<MotoServer> SERVER = memoized();

  private TestEmulator() {}

  /** The emulator, reset and provisioned afresh. */
  public static AwsClients provisioned() {
    MotoServer moto = SERVER.get();
    moto.reset();
    AwsClients aws = AwsClients.emulator(moto.endpoint());
    LocalProvisioning.provision(aws, ENV);
    return aws;
  }

  private static Supplier<MotoServer> memoized() {
    return new Supplier<>() {
      private MotoServer server;

      @Override
      public synchronized MotoServer get() {
        if (server == null) {
          server = MotoServer.start();
          Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
      }
    };
  }
}
