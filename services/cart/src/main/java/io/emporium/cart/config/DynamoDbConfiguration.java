package io.emporium.cart.config;

import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.emporium.cart.carts.CartsTable;
import io.emporium.events.dataschema.DataSchema;
import io.emporium.platform.messaging.MessagingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The async DynamoDB client (Spring Cloud AWS 3.4 only auto-configures the sync one): credentials,
 * region and endpoint from Spring Cloud AWS, then any {@code AwsClientCustomizer} of its builder
 * (tests add a request counter that way). The carts table is created at startup on the emulator.
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

  /** Emulator only (local profile, tests): in AWS, Terraform creates the table. */
  @Bean
  @ConditionalOnProperty(value = "emporium.messaging.provision", havingValue = "true")
  CartsTable.Provisioned cartsTableProvisioned(
      AwsClientBuilderConfigurer configurer, CartsTable table) {
    try (DynamoDbClient dynamo = configurer.configure(DynamoDbClient.builder()).build()) {
      return table.createIfMissing(dynamo);
    }
  }
}
