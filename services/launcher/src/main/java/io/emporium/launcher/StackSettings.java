package io.emporium.launcher;

import io.emporium.events.dataschema.DataSchema;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a local stack runs on: the repository (for the service jars), its ports, where it keeps
 * logs, pid files and data, whether PostgreSQL's data outlives it, extra arguments per service
 * (e.g. {@code "order" -> ["--emporium.order.saga-deadline=20s"]}) and where the services export
 * their traces (OTLP/HTTP; null: the agent is attached only with {@code EMPORIUM_TRACING=true}, and
 * exports nothing).
 */
public record StackSettings(
    Path repoRoot,
    Ports ports,
    Path stateDir,
    boolean keepData,
    Map<String, List<String>> extraArgs,
    URI otlpEndpoint) {

  /** The five services, in the order they are listed. */
  public static final List<String> SERVICES =
      List.of("catalog", "cart", "order", "payment", "notification");

  /** The gateway in front of them. */
  public static final String EDGE = "edge";

  /**
   * The payment service provider simulator (services/psp): in AWS the provider is a third party;
   * locally and in tests this stands in for it.
   */
  public static final String PAYMENT_PROVIDER = "psp";

  /** Everything the stack starts as its own JVM: the services, the edge and the simulator. */
  public static final List<String> PROCESSES =
      List.of("catalog", "cart", "order", "payment", "notification", EDGE, PAYMENT_PROVIDER);

  /**
   * The PostgreSQL databases the stack creates, as data-schema.yaml declares them: one per service
   * that keeps its data in PostgreSQL (cart uses DynamoDB), and the simulator's.
   */
  public static final List<String> DATABASES = DataSchema.load().databases();

  public StackSettings {
    repoRoot = repoRoot.toAbsolutePath().normalize();
    stateDir = stateDir.toAbsolutePath().normalize();
    Map<String, List<String>> copy = new LinkedHashMap<>();
    extraArgs.forEach(
        (service, args) -> {
          if (!PROCESSES.contains(service)) {
            throw new IllegalArgumentException("no service '" + service + "'");
          }
          copy.put(service, List.copyOf(args));
        });
    extraArgs = Map.copyOf(copy);
  }

  public StackSettings(
      Path repoRoot,
      Ports ports,
      Path stateDir,
      boolean keepData,
      Map<String, List<String>> extraArgs) {
    this(repoRoot, ports, stateDir, keepData, extraArgs, null);
  }

  /** Fixed ports, state in {@code <repo>/.emporium}, data kept: what {@code ./emporium up} uses. */
  public static StackSettings standard(Path repoRoot) {
    return new StackSettings(
        repoRoot, Ports.standard(), repoRoot.resolve(".emporium"), true, Map.of());
  }

  /** Free ports and throwaway data, state in {@code stateDir}: a stack beside any other. */
  public static StackSettings isolated(Path repoRoot, Path stateDir) {
    return new StackSettings(repoRoot, Ports.free(), stateDir, false, Map.of());
  }

  /** These settings with {@code args} added to what {@code service} is started with. */
  public StackSettings withArgs(String service, String... args) {
    Map<String, List<String>> more = new LinkedHashMap<>(extraArgs);
    List<String> merged = new ArrayList<>(more.getOrDefault(service, List.of()));
    merged.addAll(List.of(args));
    more.put(service, merged);
    return new StackSettings(repoRoot, ports, stateDir, keepData, more, otlpEndpoint);
  }

  /**
   * These settings with the OpenTelemetry agent attached to every service, exporting its traces to
   * {@code otlpEndpoint} (OTLP/HTTP protobuf, e.g. an in-process receiver of a test).
   */
  public StackSettings withTraces(URI otlpEndpoint) {
    return new StackSettings(repoRoot, ports, stateDir, keepData, extraArgs, otlpEndpoint);
  }

  public List<String> argsOf(String service) {
    return extraArgs.getOrDefault(service, List.of());
  }

  public Path jar(String service) {
    return repoRoot
        .resolve("services")
        .resolve(service)
        .resolve("target")
        .resolve(service + ".jar");
  }

  public Path logs() {
    return stateDir.resolve("logs");
  }

  public Path log(String component) {
    return logs().resolve(component + ".log");
  }

  public Path runDir() {
    return stateDir.resolve("run");
  }

  public Path postgresData() {
    return stateDir.resolve("data").resolve("postgres");
  }
}
