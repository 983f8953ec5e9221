package io.emporium.edge.routes;

import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where each service answers: {@code emporium.edge.services.<name>=http://127.0.0.1:808x}. The edge
 * routes {@code /api/<name>/**} there. {@code emporium.edge.max-body-size} (default 4MB): larger
 * request bodies are refused by the edge itself (413), so a service only ever gets bodies it reads
 * to the end (services discard up to 8MB of a body they refuse, and answer).
 */
@Validated
@ConfigurationProperties("emporium.edge")
public record EdgeProperties(
    @NotEmpty Map<String, URI> services, @DefaultValue("4MB") DataSize maxBodySize) {}
