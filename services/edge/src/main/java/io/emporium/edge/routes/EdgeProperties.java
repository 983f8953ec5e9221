package io.emporium.edge.routes;

import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where each service answers: {@code emporium.edge.services.<name>=http://127.0.0.1:808x}. The edge
 * routes {@code /api/<name>/**} there.
 */
@Validated
@ConfigurationProperties("emporium.edge")
public record EdgeProperties(@NotEmpty Map<String, URI> services) {}
