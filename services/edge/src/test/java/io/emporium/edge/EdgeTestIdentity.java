package io.emporium.edge;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The identity settings of the edge's own tests: a pool no one asks (tokens here are invalid or
 * absent; the end-to-end suite runs the edge against the emulator's Cognito).
 */
public final class EdgeTestIdentity {

  private EdgeTestIdentity() {}

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("emporium.identity.region", () -> "us-east-1");
    registry.add("emporium.identity.user-pool-id", () -> "us-east-1_edgetest");
    registry.add("emporium.identity.client-id", () -> "edge-test-client");
    registry.add("emporium.identity.cognito-endpoint", () -> "http://127.0.0.1:9");
  }
}
