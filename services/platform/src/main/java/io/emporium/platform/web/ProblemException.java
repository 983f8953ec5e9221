package io.emporium.platform.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * An expected failure that the shared advice renders as an RFC 9457 problem: its {@link
 * ProblemType} gives type, title and status, its message becomes the {@code detail} (shown to the
 * client: write it for them), and {@link #with} adds extension members.
 */
public class ProblemException extends RuntimeException {

  /** Members of every problem: not available as extension names. */
  public static final Set<String> RESERVED =
      Set.of("type", "title", "status", "detail", "instance", "errors", "traceId");

  private final ProblemType type;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final HttpHeaders headers = new HttpHeaders();

  public ProblemException(ProblemType type, String detail) {
    super(detail);
    this.type = type;
  }

  public ProblemException(ProblemType type, String detail, Throwable cause) {
    super(detail, cause);
    this.type = type;
  }

  public ProblemType type() {
    return type;
  }

  public String detail() {
    return getMessage();
  }

  /**
   * Adds an extension member to the problem, e.g. {@code with("currentVersion", 4)}. The members
   * RFC 9457 and the renderer define ({@link #RESERVED}) cannot be overwritten this way.
   */
  public ProblemException with(String name, Object value) {
    if (RESERVED.contains(name)) {
      throw new IllegalArgumentException(
          "'" + name + "' is a standard problem member; name the extension differently");
    }
    properties.put(name, value);
    return this;
  }

  public Map<String, Object> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** Adds a response header, e.g. {@code Retry-After} or {@code WWW-Authenticate}. */
  public ProblemException withHeader(String name, String value) {
    headers.add(name, value);
    return this;
  }

  public HttpHeaders headers() {
    return HttpHeaders.readOnlyHttpHeaders(headers);
  }
}
