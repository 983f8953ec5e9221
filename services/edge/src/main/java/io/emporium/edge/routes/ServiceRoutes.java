package io.emporium.edge.routes;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per service, on the paths the CloudFront behaviours and the Ingress use: {@code
 * /api/<name>/**} goes unchanged to the service, {@code Authorization} included. A client's {@value
 * #DROPPED} header is dropped: identity comes from the access token only (the header once named the
 * customer, and no one may bring it back). The shopper SPA is served at {@code /} by {@code
 * io.emporium.edge.spa}.
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
}
