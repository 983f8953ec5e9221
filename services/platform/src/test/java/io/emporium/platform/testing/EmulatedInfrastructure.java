package io.emporium.platform.testing;

import io.emporium.local.LocalProvisioning;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: before each test class, resets the emulator (when this JVM owns it) and
 * provisions environment {@value #ENV} (the topology and the DynamoDB tables) with the same code
 * {@code ./emporium up} uses.
 */
public final class EmulatedInfrastructure implements BeforeAllCallback {

  /** The environment name tests provision: queues are {@code emporium-test-...}. */
  public static final String ENV = "test";

  @Override
  public void beforeAll(ExtensionContext context) {
    AwsEmulator aws = TestEnvironment.aws();
    aws.reset();
    LocalProvisioning.provision(aws.clients(), ENV);
  }
}
