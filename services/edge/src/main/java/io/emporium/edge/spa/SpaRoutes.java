package io.emporium.edge.spa;

import static org.springframework.web.reactive.function.server.RequestPredicates.method;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The SPA at {@code /}: GET and HEAD of every path that is not the API's ({@code /api/**}), the
 * actuator's or {@code /config.json}. Those are left to the gateway routes and their own handlers,
 * which this router function (consulted before the gateway's routes) must never swallow.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpaProperties.class)
class SpaRoutes {

  /** Paths the SPA never answers; a prefix ends with '/'. */
  static final List<String> NOT_THE_SPA = List.of("/api/", "/actuator/", "/config.json");

  static boolean isSpaPath(String path) {
    for (String excluded : NOT_THE_SPA) {
      String bare =
          excluded.endsWith("/") ? excluded.substring(0, excluded.length() - 1) : excluded;
      if (path.equals(bare) || (excluded.endsWith("/") && path.startsWith(excluded))) {
        return false;
      }
    }
    return true;
  }

  @Bean
  RouterFunction<ServerResponse> spaRouterFunction(SpaProperties properties) {
    SpaFiles files = new SpaFiles(properties, new SpaHeaders(properties.connectOrigins()));
    RequestPredicate spa =
        method(HttpMethod.GET)
            .or(method(HttpMethod.HEAD))
            .and(request -> isSpaPath(request.path()));
    return RouterFunctions.route(spa, files::serve);
  }
}
