package io.emporium.platform.testing;

import io.emporium.events.topology.Topology;
import io.emporium.platform.deadletters.AuditTable;
import io.emporium.platform.local.TopologyProvisioner;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: before each test class, resets the emulator (when this JVM owns it) and
 * provisions the topology of environment {@value #ENV} with the same code {@code ./emporium up}
 * uses.
 */
public final class EmulatedInfrastructure implements BeforeAllCallback {

  /** The environment name tests provision: queues are {@code emporium-test-...}. */
  public static final String ENV = "test";

  @Override
  public void beforeAll(ExtensionContext context) {
    AwsEmulator aws = TestEnvironment.aws();
    aws.reset();
    var clients = aws.clients();
    try (var sns = clients.sns();
        var sqs = clients.sqs();
        var dynamo = clients.dynamo()) {
      Topology topology = Topology.load();
      new TopologyProvisioner(sns, sqs).provision(topology, ENV);
      AuditTable.create(dynamo, topology.deadLetterAudit(), ENV);
    }
  }
}
