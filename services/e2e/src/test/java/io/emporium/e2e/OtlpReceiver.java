package io.emporium.e2e;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver in the test JVM (a JDK HttpServer on a free loopback port decoding
 * opentelemetry-proto): the services' OpenTelemetry agents export their spans here, and tests read
 * them back. POST {@code /v1/traces}, protobuf, gzip or not.
 */
final class OtlpReceiver implements AutoCloseable {

  /** One received span, flattened: ids in hex, the service from its resource. */
  record ReceivedSpan(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      long startNanos,
      long endNanos,
      Map<String, String> attributes) {

    String attribute(String key) {
      return attributes.get(key);
    }
  }

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  static OtlpReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      OtlpReceiver receiver = new OtlpReceiver(server);
      server.createContext("/v1/traces", receiver::export);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the OTLP receiver", e);
    }
  }

  /** The base URI the agents export to (OTEL_EXPORTER_OTLP_ENDPOINT). */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  List<ReceivedSpan> trace(String traceId) {
    return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
  }

  private void export(HttpExchange exchange) throws IOException {
    try (exchange) {
      InputStream body = exchange.getRequestBody();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        body = new GZIPInputStream(body);
      }
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
      request.getResourceSpansList().forEach(this::add);
      byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      if (response.length > 0) {
        exchange.getResponseBody().write(response);
      }
    }
  }

  private void add(ResourceSpans resourceSpans) {
    String service =
        attributes(resourceSpans.getResource().getAttributesList()).get("service.name");
    resourceSpans
        .getScopeSpansList()
        .forEach(
            scope ->
                scope
                    .getSpansList()
                    .forEach(
                        span ->
                            spans.add(
                                new ReceivedSpan(
                                    service,
                                    hex(span.getTraceId()),
                                    hex(span.getSpanId()),
                                    hex(span.getParentSpanId()),
                                    span.getName(),
                                    span.getKind().name().replace("SPAN_KIND_", ""),
                                    span.getStartTimeUnixNano(),
                                    span.getEndTimeUnixNano(),
                                    attributes(span.getAttributesList())))));
  }

  private static Map<String, String> attributes(List<KeyValue> values) {
    Map<String, String> map = new LinkedHashMap<>();
    for (KeyValue kv : values) {
      var v = kv.getValue();
      map.put(
          kv.getKey(),
          switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> Long.toString(v.getIntValue());
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            default -> v.toString().trim();
          });
    }
    return map;
  }

  private static String hex(ByteString bytes) {
    return bytes.isEmpty() ? "" : HexFormat.of().formatHex(bytes.toByteArray());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
