package io.emporium.cart.config;

import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.emporium.cart.carts.CartsTable;
import io.emporium.events.dataschema.DataSchema;
import io.emporium.platform.messaging.MessagingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * The async DynamoDB client (Spring Cloud AWS 3.4 only auto-configures the sync one): credentials,
 * region and endpoint from Spring Cloud AWS, then any {@code AwsClientCustomizer} of its builder
 * (tests add a request counter that way).
 */
@Configuration(proxyBeanMethods = false)
class DynamoDbConfiguration {

  @Bean
  DynamoDbAsyncClient dynamoDbAsyncClient(
      AwsClientBuilderConfigurer configurer,
      ObjectProvider<AwsClientCustomizer<DynamoDbAsyncClientBuilder>> customizers) {
    DynamoDbAsyncClientBuilder builder = configurer.configure(DynamoDbAsyncClient.builder());
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  @Bean
  CartsTable cartsTable(DataSchema schema, MessagingProperties messaging) {
    return CartsTable.of(schema, messaging.env());
  }
}
