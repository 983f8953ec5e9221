package io.emporium.edge.spa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves the built SPA from a directory: a file that exists is sent as it is; a path without a file
 * extension is one of the SPA's own routes (a reload of {@code /orders/<id>}) and gets index.html
 * (history fallback); anything else is a 404. Nothing outside the directory is ever read.
 */
final class SpaFiles {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final SpaProperties properties;
  private final SpaHeaders headers;

  SpaFiles(SpaProperties properties, SpaHeaders headers) {
    this.properties = properties;
    this.headers = headers;
  }

  Mono<ServerResponse> serve(ServerRequest request) {
    if (!properties.built()) {
      return notBuilt();
    }
    String path = request.path();
    return Mono.fromCallable(() -> resolve(path))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            found ->
                found
                    .map(file -> send(request, file, path))
                    .orElseGet(() -> ServerResponse.notFound().build()));
  }

  /** The file for a request path, index.html for a client-side route, or nothing. */
  Optional<Path> resolve(String path) {
    Path root = properties.directory();
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (relative.isEmpty() || relative.endsWith("/")) {
      return Optional.of(root.resolve("index.html"));
    }
    if (relative.indexOf('\0') >= 0 || relative.contains("\\")) {
      return Optional.empty();
    }
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) {
      return Optional.empty();
    }
    if (Files.isRegularFile(file)) {
      return Optional.of(file);
    }
    String last = relative.substring(relative.lastIndexOf('/') + 1);
    boolean clientRoute = !last.contains(".") && !path.startsWith(SpaHeaders.ASSETS);
    return clientRoute ? Optional.of(root.resolve("index.html")) : Optional.empty();
  }

  private Mono<ServerResponse> send(ServerRequest request, Path file, String path) {
    String cachePath = file.getFileName().toString().equals("index.html") ? "/index.html" : path;
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      return ServerResponse.notFound().build();
    }
    Instant modified = attributes.lastModifiedTime().toInstant();
    String etag =
        "\"%x-%x\"".formatted(attributes.size(), attributes.lastModifiedTime().toMillis());
    MediaType type =
        MediaTypeFactory.getMediaType(file.getFileName().toString())
            .map(t -> t.getType().equals("text") ? new MediaType(t, StandardCharsets.UTF_8) : t)
            .orElse(MediaType.APPLICATION_OCTET_STREAM);
    return request
        .checkNotModified(modified, etag)
        .switchIfEmpty(
            Mono.defer(
                () ->
                    ServerResponse.ok()
                        .contentType(type)
                        .contentLength(attributes.size())
                        .lastModified(modified)
                        .eTag(etag)
                        .headers(h -> headers.addTo(h, cachePath))
                        .body(BodyInserters.fromResource(new FileSystemResource(file)))));
  }

  private Mono<ServerResponse> notBuilt() {
    String page =
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Emporium</title></head>
        <body><h1>Emporium</h1>
        <p>The shop's web app is not built (no index.html in %s).
        <code>./emporium up</code> builds it, or <code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code>.
        The APIs answer under <code>/api/&lt;service&gt;/</code>.</p></body></html>
        """
            .formatted(properties.directory() == null ? "emporium.edge.spa.directory" : "web/dist");
    return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(HTML)
        .header("Cache-Control", "no-store")
        .bodyValue(page);
  }
}
