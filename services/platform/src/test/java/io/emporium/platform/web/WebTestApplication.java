package io.emporium.platform.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A bare WebFlux app for the web tests: it gets the problem support only through the platform's
 * auto-configuration, like a service. AWS and R2DBC are excluded so no emulator or database is
 * needed.
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
public class WebTestApplication {}
