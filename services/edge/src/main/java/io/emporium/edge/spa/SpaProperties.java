package io.emporium.edge.spa;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shopper SPA the edge serves at {@code /}: {@code directory} holds the built files ({@code
 * ./emporium up} points it at {@code web/dist}); {@code connectSources} are the origins besides the
 * edge's own that the SPA calls (the Cognito endpoint), allowed by its Content-Security-Policy.
 */
@ConfigurationProperties("emporium.edge.spa")
record SpaProperties(Path directory, List<String> connectSources) {

  SpaProperties {
    directory = directory == null ? null : directory.toAbsolutePath().normalize();
    connectSources =
        connectSources == null
            ? List.of()
            : connectSources.stream()
                .filter(Objects::nonNull)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
  }

  /** The built SPA's entry page, if there is one to serve. */
  boolean built() {
    return directory != null && Files.isRegularFile(directory.resolve("index.html"));
  }

  /** Each connect source reduced to its origin (scheme://host[:port]): what CSP compares. */
  List<String> connectOrigins() {
    return connectSources.stream().map(SpaProperties::origin).distinct().toList();
  }

  private static String origin(String source) {
    URI uri = URI.create(source);
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "emporium.edge.spa.connect-sources: not an absolute URL: " + source);
    }
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }
}
