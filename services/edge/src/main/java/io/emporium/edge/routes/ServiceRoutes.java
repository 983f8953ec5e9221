package io.emporium.edge.routes;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * One route per service, on the paths the CloudFront behaviours and the Ingress use: {@code
 * /api/<name>/**} goes unchanged to the service, {@code Authorization} included. A client's {@value
 * #DROPPED} header is dropped: identity comes from the access token only (the header once named the
 * customer, and no one may bring it back). {@code /} lists the APIs until the SPA is served there.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

  static final String DROPPED = "X-Customer-Id";

  @Bean
  RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, EdgeProperties properties) {
    RouteLocatorBuilder.Builder routes = builder.routes();
    properties
        .services()
        .forEach(
            (name, uri) ->
                routes.route(
                    name,
                    r ->
                        r.path("/api/" + name + "/**")
                            .filters(f -> f.removeRequestHeader(DROPPED))
                            .uri(uri.toString())));
    return routes.build();
  }

  @Bean
  RouterFunction<ServerResponse> homePage(EdgeProperties properties) {
    String page = page(properties);
    return RouterFunctions.route(
        GET("/"),
        request ->
            ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .bodyValue(page));
  }

  static String page(EdgeProperties properties) {
    String rows =
        properties.services().keySet().stream()
            .map(HtmlUtils::htmlEscape)
            .map(
                name ->
                    "<li><code>/api/%s/</code> — <a href=\"/api/%s/docs\">API docs</a>, <a href=\"/api/%s/api-docs\">OpenAPI</a></li>"
                        .formatted(name, name, name))
            .collect(Collectors.joining("\n    "));
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Emporium</title></head>
        <body>
          <h1>Emporium</h1>
          <p>The shop's APIs, each behind <code>/api/&lt;service&gt;/</code> (the shopper app comes later):</p>
          <ul>
            %s
          </ul>
          <p>Shopper calls carry <code>Authorization: Bearer &lt;access token&gt;</code> from the
             user pool in <a href="/config.json">/config.json</a>; browsing the catalog needs none.
             Health: <a href="/actuator/health">/actuator/health</a>.</p>
        </body>
        </html>
        """
        .formatted(rows);
  }
}
