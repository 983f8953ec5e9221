package io.emporium.e2e;

import io.emporium.launcher.LocalStack;
import io.emporium.launcher.StackSettings;
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
 * long enough that a busy 2-core machine still confirms orders before it.
 */
final class RunningShop implements BeforeAllCallback, ParameterResolver {

  static final String SAGA_DEADLINE = "45s";

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
    if (parameter.getParameter().getType() == OtlpReceiver.class) {
      return started(context).traces();
    }
    return new Shop(stack(context));
  }

  private static LocalStack stack(ExtensionContext context) {
    return started(context).stack();
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
                "--emporium.order.deadline-sweep-interval=1s")
            .withTraces(traces.endpoint());
    try {
      return new Started(LocalStack.start(settings, line -> log.info("[stack] {}", line)), traces);
    } catch (RuntimeException e) {
      traces.close();
      throw e;
    }
  }

  /** Closed by JUnit when the root context closes: after the JVM's last test. */
  private record Started(LocalStack stack, OtlpReceiver traces)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      stack.close();
      traces.close();
    }
  }
}
