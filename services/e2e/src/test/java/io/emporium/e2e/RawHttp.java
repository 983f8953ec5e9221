package io.emporium.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client on a plain socket, one connection per request: it sends a request exactly as
 * given (a path with {@code %zz} or {@code %C3%28}, a body that is not UTF-8, a chunked body),
 * which the JDK's client refuses to build. Answers are read to their end (Content-Length, chunked,
 * or the connection's close).
 */
final class RawHttp {

  /** The status of an exchange whose connection was reset before an answer could be read. */
  static final int RESET = -1;

  private final String host;
  private final int port;
  private final int timeoutMillis;

  RawHttp(URI base, int timeoutMillis) {
    this.host = base.getHost();
    this.port = base.getPort();
    this.timeoutMillis = timeoutMillis;
  }

  /** A request: the raw path and query, its headers, and a body (null: none). */
  record Request(
      String method, String target, Map<String, String> headers, byte[] body, boolean chunked) {

    /** Whether the request line or a header is over what HTTP servers read (Netty: 4KB, 8KB). */
    boolean headOversized() {
      return target.length() > 4000
          || headers.values().stream().anyMatch(value -> value.length() > 8000);
    }

    String describe() {
      String shown = target.length() > 160 ? target.substring(0, 160) + "…" : target;
      return method + " " + shown + (body == null ? "" : " (" + body.length + " bytes)");
    }
  }

  /**
   * An answer; {@code status} 0 when none came in time (the request hung), {@link #RESET} when the
   * connection was reset while sending.
   */
  record Response(int status, Map<String, String> headers, String body) {

    String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  Response send(Request request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      try {
        write(socket.getOutputStream(), request);
      } catch (IOException e) {
        // The server answered early (a 413, 414, 431) and closed while the body was still going:
        // its answer may already be here to read.
        return readAfterReset(socket, e);
      }
      try {
        return read(socket.getInputStream());
      } catch (SocketTimeoutException e) {
        return new Response(0, Map.of(), "no answer within " + timeoutMillis + " ms");
      }
    }
  }

  private static Response readAfterReset(Socket socket, IOException writing) {
    try {
      return read(socket.getInputStream());
    } catch (IOException e) {
      return new Response(RESET, Map.of(), "connection reset while sending: " + writing);
    }
  }

  private void write(OutputStream out, Request request) throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(':').append(port).append("\r\n");
    head.append("Connection: close\r\n");
    request
        .headers()
        .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    byte[] body = request.body();
    if (body != null && request.chunked()) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null && request.chunked()) {
      for (int from = 0; from < body.length; from += 8192) {
        int size = Math.min(8192, body.length - from);
        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, from, size);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    } else if (body != null) {
      out.write(body);
    }
    out.flush();
  }

  private static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
      return new Response(0, Map.of(), "no HTTP answer: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    if (status == 100) {
      return read(in);
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String size = line(in); size != null; size = line(in)) {
      int length = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (length == 0) {
        line(in);
        break;
      }
      body.write(in.readNBytes(length));
      line(in);
    }
    return body.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
