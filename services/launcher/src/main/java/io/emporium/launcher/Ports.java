package io.emporium.launcher;

import io.emporium.local.FreePorts;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The loopback ports of a local stack: the edge, the five services, the AWS emulator, PostgreSQL
 * and the payment provider simulator.
 */
public record Ports(
    int edge,
    int catalog,
    int cart,
    int order,
    int payment,
    int notification,
    int aws,
    int postgres,
    int psp) {

  public Ports {
    Set<Integer> distinct = new HashSet<>();
    for (int port :
        new int[] {edge, catalog, cart, order, payment, notification, aws, postgres, psp}) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      if (!distinct.add(port)) {
        throw new IllegalArgumentException("port " + port + " is used twice");
      }
    }
  }

  /**
   * What {@code ./emporium up} uses: edge 8080, services 8081..8085, AWS 4566, PostgreSQL 15432,
   * the payment provider simulator 8086.
   */
  public static Ports standard() {
    return new Ports(8080, 8081, 8082, 8083, 8084, 8085, 4566, 15432, 8086);
  }

  /** Free ports below 32768, for a stack beside another one (tests). */
  public static Ports free() {
    Set<Integer> taken = new HashSet<>();
    int[] ports = new int[9];
    for (int i = 0; i < ports.length; i++) {
      int port;
      do {
        port = FreePorts.next();
      } while (!taken.add(port));
      ports[i] = port;
    }
    return new Ports(
        ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8]);
  }

  /** The port of {@code component}: "edge", a service name, "aws", "postgres" or "psp". */
  public int of(String component) {
    Integer port = all().get(component);
    if (port == null) {
      throw new IllegalArgumentException("no component '" + component + "'");
    }
    return port;
  }

  /** Every component and its port, the edge and the services first. */
  public Map<String, Integer> all() {
    Map<String, Integer> all = new LinkedHashMap<>();
    all.put("edge", edge);
    all.put("catalog", catalog);
    all.put("cart", cart);
    all.put("order", order);
    all.put("payment", payment);
    all.put("notification", notification);
    all.put("aws", aws);
    all.put("postgres", postgres);
    all.put("psp", psp);
    return all;
  }
}
