package io.emporium.launcher;

import io.emporium.local.CognitoPool;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How each jar is run: the JDK running the launcher, a modest heap, the local profile, its port,
 * where the emulator, PostgreSQL and the user pool are ({@code EMPORIUM_IDENTITY_*}), and the
 * stack's extra arguments.
 */
final class ServiceCommands {

  private final StackSettings settings;
  private final Map<String, String> environment;

  /**
   * The simulator's secret key for this run: only it and payment get it (environment, not args).
   */
  private final String paymentProviderKey =
      "sk_local_" + UUID.randomUUID().toString().replace("-", "");

  ServiceCommands(
      StackSettings settings, AwsEndpoint aws, Database database, CognitoPool identity) {
    this.settings = settings;
    Map<String, String> env = new HashMap<>(database.environment());
    env.putAll(identity.environment());
    env.put(AwsEndpoint.ENV, aws.uri().toString());
    env.put("EMPORIUM_ENV", "local");
    this.environment = Map.copyOf(env);
  }

  /** Fails naming the missing jars, and how to build them. */
  static void requireJars(StackSettings settings) {
    List<String> missing = new ArrayList<>();
    for (String name : StackSettings.PROCESSES) {
      if (!Files.isRegularFile(settings.jar(name))) {
        missing.add("services/" + name);
      }
    }
    if (!missing.isEmpty()) {
      throw new LaunchException(
          "not built yet: "
              + String.join(", ", missing)
              + " — build with ./mvnw -B -ntp package -DskipTests -pl "
              + String.join(",", missing)
              + " -am (./emporium up builds what is stale for you)");
    }
  }

  ServiceProcess process(String name) {
    int port = settings.ports().of(name);
    List<String> command = new ArrayList<>(jvm(name));
    Map<String, String> env = new HashMap<>(environment);
    if (name.equals("payment") || name.equals(StackSettings.PAYMENT_PROVIDER)) {
      env.put("EMPORIUM_PSP_API_KEY", paymentProviderKey);
    }
    Path agent = agentOf(name);
    if ((tracing() || settings.otlpEndpoint() != null) && Files.isRegularFile(agent)) {
      command.add("-javaagent:" + agent);
      env.putAll(tracingEnvironment(name, settings.otlpEndpoint()));
    }
    command.add("-jar");
    command.add(settings.jar(name).toString());
    command.add("--spring.profiles.active=local");
    command.add("--server.port=" + port);
    command.addAll(ownArgs(name));
    command.addAll(settings.argsOf(name));
    return new ServiceProcess(name, port, command, Map.copyOf(env), settings.log(name));
  }

  /**
   * {@code EMPORIUM_TRACING=true ./emporium up} attaches the OpenTelemetry agent the image carries
   * (copied to target/jib-extra by the build), as the Helm chart does: every log line then carries
   * the trace id, one trace from HTTP through SNS and SQS. Off by default: the agent adds about 2 s
   * of startup and 100 MB per service. Nothing is exported (no collector locally).
   */
  static boolean tracing() {
    return Boolean.parseBoolean(System.getenv().getOrDefault("EMPORIUM_TRACING", "false"));
  }

  private Path agentOf(String name) {
    return settings
        .repoRoot()
        .resolve("services")
        .resolve(name)
        .resolve("target/jib-extra/otel/opentelemetry-javaagent.jar");
  }

  static Map<String, String> tracingEnvironment(String name) {
    return tracingEnvironment(name, null);
  }

  /** The agent's settings: traces to {@code otlpEndpoint} (OTLP/HTTP) if given, else nowhere. */
  static Map<String, String> tracingEnvironment(String name, URI otlpEndpoint) {
    Map<String, String> env = new HashMap<>();
    env.put("OTEL_SERVICE_NAME", name);
    env.put("OTEL_TRACES_EXPORTER", otlpEndpoint == null ? "none" : "otlp");
    env.put("OTEL_METRICS_EXPORTER", "none");
    env.put("OTEL_LOGS_EXPORTER", "none");
    env.put("OTEL_INSTRUMENTATION_AWS_SDK_EXPERIMENTAL_USE_PROPAGATOR_FOR_MESSAGING", "true");
    if (otlpEndpoint != null) {
      env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
      env.put("OTEL_EXPORTER_OTLP_ENDPOINT", otlpEndpoint.toString());
      // Export within a fraction of a second, so a test sees a checkout's spans soon after it.
      env.put("OTEL_BSP_SCHEDULE_DELAY", "200");
    }
    return Map.copyOf(env);
  }

  private List<String> ownArgs(String name) {
    List<String> args = new ArrayList<>();
    if (name.equals("cart")) {
      args.add("--emporium.cart.catalog-url=" + url(settings.ports().catalog()));
    }
    if (name.equals("payment")) {
      args.add(
          "--emporium.payment.provider.base-url=" + url(settings.ports().psp()) + "/api/psp/v1");
    }
    if (name.equals(StackSettings.EDGE)) {
      StackSettings.SERVICES.forEach(
          s -> args.add("--emporium.edge.services." + s + "=" + url(settings.ports().of(s))));
      // The shopper SPA as web's build leaves it (./emporium up builds it when stale).
      args.add("--emporium.edge.spa.directory=" + settings.repoRoot().resolve("web/dist"));
    }
    return args;
  }

  static List<String> jvm(String name) {
    List<String> jvm = new ArrayList<>();
    jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 24) {
      jvm.add("--sun-misc-unsafe-memory-access=allow");
      jvm.add("--enable-native-access=ALL-UNNAMED");
    }
    jvm.add(
        name.equals(StackSettings.EDGE) || name.equals(StackSettings.PAYMENT_PROVIDER)
            ? "-Xmx256m"
            : "-Xmx384m");
    // Seven JVMs start at once on a small machine: the client compiler and the serial collector
    // start faster and use less memory; throughput is not what a local stack is for. The bench
    // (-Demporium.launcher.full-jit=true) runs them with the full JIT, as their images do.
    if (!Boolean.getBoolean(LocalShop.FULL_JIT)) {
      jvm.add("-XX:TieredStopAtLevel=1");
    }
    jvm.add("-XX:+UseSerialGC");
    jvm.add("-XX:+ExitOnOutOfMemoryError");
    jvm.add("-Demporium.launched-by=emporium-launcher");
    return jvm;
  }

  static String url(int port) {
    return "http://127.0.0.1:" + port;
  }
}
