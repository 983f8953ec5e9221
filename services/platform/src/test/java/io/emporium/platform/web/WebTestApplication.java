package io.emporium.platform.web;

import io.emporium.platform.identity.AccessRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * A bare WebFlux app for the web tests: it gets the problem support only through the platform's
 * auto-configuration, like a service. AWS and R2DBC are excluded so no emulator or database is
 * needed. Its identity settings name a pool no one asks (tests that check tokens override them);
 * the error-rendering endpoints under /test are open, as a service's public reads would be.
 */
@SpringBootApplication(
    excludeName = {
      "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration",
      "io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration",
      "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration",
      "org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration",
      "org.springframework.boot.autoconfigure.data.r2dbc.R2dbcDataAutoConfiguration",
      "org.springframework.boot.autoconfigure.data.r2dbc.R2dbcRepositoriesAutoConfiguration",
      "org.springframework.boot.autoconfigure.r2dbc.R2dbcTransactionManagerAutoConfiguration"
    })
@PropertySource("classpath:web-test-identity.properties")
public class WebTestApplication {

  @Bean
  AccessRules openTestEndpoints() {
    return new AccessRules(java.util.List.of(), java.util.List.of())
        .withPublic(null, "/test/**", "/input/**", "/api/nowhere", "/v3/api-docs/**");
  }
}
