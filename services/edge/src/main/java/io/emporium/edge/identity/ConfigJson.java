package io.emporium.edge.identity;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import io.emporium.boundary.identity.IdentityProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /config.json}: where the SPA (and tests) sign in, {@code {"region", "userPoolId",
 * "clientId", "cognitoEndpoint"}}; {@code cognitoEndpoint} only where Cognito is an emulator. In
 * AWS, Terraform writes the same file to the SPA bucket.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class ConfigJson {

  @Bean
  RouterFunction<ServerResponse> configJsonRoute(IdentityProperties identity) {
    Map<String, String> config = body(identity);
    return RouterFunctions.route(
        GET("/config.json"),
        request ->
            ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .bodyValue(config));
  }

  static Map<String, String> body(IdentityProperties identity) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("region", identity.region());
    config.put("userPoolId", identity.userPoolId());
    config.put("clientId", identity.clientId());
    if (identity.cognitoEndpoint() != null) {
      config.put("cognitoEndpoint", identity.cognitoEndpoint().toString());
    }
    return java.util.Collections.unmodifiableMap(config);
  }
}
