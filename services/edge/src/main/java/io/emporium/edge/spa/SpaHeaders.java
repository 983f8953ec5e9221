package io.emporium.edge.spa;

import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * The headers of what the SPA is made of, as CloudFront sends them in AWS (terraform/modules/edge
 * and {@code ./emporium web deploy}): Vite's content-hashed files under {@code /assets/} are cached
 * for a year, everything else (index.html above all) is revalidated on every load, so a deploy
 * shows at the next reload. Every page carries a Content-Security-Policy the SPA passes: scripts
 * and styles only from the edge, calls to the edge and to Cognito only.
 */
final class SpaHeaders {

  static final String ASSETS = "/assets/";

  private final String contentSecurityPolicy;

  SpaHeaders(List<String> connectOrigins) {
    String connect = String.join(" ", prepend("'self'", connectOrigins));
    this.contentSecurityPolicy =
        String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src " + connect,
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'");
  }

  String contentSecurityPolicy() {
    return contentSecurityPolicy;
  }

  static CacheControl cacheControl(String path) {
    if (path.startsWith(ASSETS)) {
      return CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    }
    return CacheControl.noCache();
  }

  void addTo(HttpHeaders headers, String path) {
    headers.setCacheControl(cacheControl(path));
    headers.set("Content-Security-Policy", contentSecurityPolicy);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  }

  private static List<String> prepend(String first, List<String> rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream())
        .toList();
  }
}
