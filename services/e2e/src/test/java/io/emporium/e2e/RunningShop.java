package io.emporium.e2e;

import io.emporium.launcher.LocalShop;
import io.emporium.launcher.StackSettings;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole shop, started once per test JVM the way {@code ./emporium up} starts it (moto,
 * PostgreSQL, then the five services and the edge as separate processes) but on free ports and
 * throwaway data, and stopped when the JVM's tests are done. Tests get a {@link Shop} parameter.
 *
 * <p>Every service runs with the OpenTelemetry agent, as in the cluster, exporting its spans to an
 * in-process {@link OtlpReceiver} (a test parameter too): the suite runs the shop as it runs in
 * production, and a test can check a checkout's trace span by span.
 *
 * <p>The saga deadline is short here ({@value #SAGA_DEADLINE}) so the deadline test is quick, and
 * long enough that a busy 2-core machine still confirms orders before it, including the checkouts
 * DeadLetterReplayE2ETests dead-letters twice (20 receives each) before it replays them: a checkout
 * older than the deadline becomes an order cancelled at once (the cart may have reopened by then).
 */
final class RunningShop implements BeforeAllCallback, ParameterResolver {

  static final String SAGA_DEADLINE = "120s";

  /** io.emporium.platform.faults: a fault switch, only with this profile and a local emulator. */
  static final String FAULT_PROFILE = "fault-injection";

  /**
   * The edge's limits here: one address (this machine) is every shopper, so the per-IP buckets are
   * out of the way; per customer, a test that bursts knows the bucket's size.
   */
  static final int CART_WRITES_PER_CUSTOMER = 40;

  static final int CHECKOUTS_PER_CUSTOMER = 6;

  /**
   * The service that logs JSON here, as every service does in the cluster (the chart's
   * LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs); the others keep the local text format.
   */
  static final String JSON_LOGS = "notification";

  private static final Logger log = LoggerFactory.getLogger(RunningShop.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Shop.class || type == OtlpReceiver.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Started started = started(context);
    if (parameter.getParameter().getType() == OtlpReceiver.class) {
      return started.traces();
    }
    return new Shop(started.stack(), started.users(), started.admin());
  }

  private static void stack(ExtensionContext context) {
    started(context);
  }

  private static Started started(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Started.class, key -> start(), Started.class);
  }

  private static Started start() {
    Path repoRoot = Path.of("").toAbsolutePath().getParent().getParent();
    OtlpReceiver traces = OtlpReceiver.start();
    StackSettings settings =
        StackSettings.isolated(repoRoot, repoRoot.resolve("services/e2e/target/e2e-stack"))
            .withArgs(
                "order",
                "--emporium.order.saga-deadline=" + SAGA_DEADLINE,
                "--emporium.order.deadline-sweep-interval=1s",
                // The test-only consumer bug of DeadLetterReplayE2ETests (off until a test turns it
                // on), whose failures reach the DLQ within half a minute: 20 receives at most 1 s
                // apart (a service waits up to 300 s between them to ride out an outage: ADR 19).
                "--spring.profiles.include=" + FAULT_PROFILE,
                "--emporium.messaging.listener.max-backoff-seconds=1")
            .withArgs(JSON_LOGS, "--logging.structured.format.console=ecs")
            .withArgs(
                "edge",
                "--emporium.edge.limits.cart-writes.per-ip.capacity=100000",
                "--emporium.edge.limits.checkouts.per-ip.capacity=100000",
                "--emporium.edge.limits.cart-writes.per-customer.capacity="
                    + CART_WRITES_PER_CUSTOMER,
                "--emporium.edge.limits.cart-writes.per-customer.period=1h",
                "--emporium.edge.limits.checkouts.per-customer.capacity=" + CHECKOUTS_PER_CUSTOMER,
                "--emporium.edge.limits.checkouts.per-customer.period=1h")
            .withTraces(traces.endpoint());
    try {
      LocalShop stack = LocalShop.start(settings, line -> log.info("[stack] {}", line));
      TestUsers users = TestUsers.on(stack.identity());
      return new Started(stack, users, users.newAdmin(), traces);
    } catch (RuntimeException e) {
      traces.close();
      throw e;
    }
  }

  /** Closed by JUnit when the root context closes: after the JVM's last test. */
  private record Started(LocalShop stack, TestUsers users, TestUser admin, OtlpReceiver traces)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      stack.close();
      traces.close();
    }
  }
}
