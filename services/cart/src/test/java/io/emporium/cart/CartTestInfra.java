package io.emporium.cart;

import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.TestEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What {@link CartIntegrationTest} classes share: names, the stub catalog, a DynamoDB client. */
public final class CartTestInfra {

  private CartTestInfra() {}

  public static final String CARTS = "emporium-" + EmulatedInfrastructure.ENV + "-carts";

  public static DynamoDbClient dynamo() {
    var aws = TestEnvironment.aws().clients();
    return DynamoDbClient.builder()
        .endpointOverride(aws.endpoint())
        .region(aws.region())
        .credentialsProvider(aws.credentials())
        .build();
  }

  /** A stub catalog per context, closed with it, and the cart's catalog URL pointing at it. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Catalog {

    @Bean(destroyMethod = "close")
    StubCatalog stubCatalog() {
      return StubCatalog.withSampleProducts();
    }

    @Bean
    DynamicPropertyRegistrar catalogUrl(StubCatalog catalog) {
      return registry -> registry.add("emporium.cart.catalog-url", catalog::url);
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Requests {

    @Bean
    DynamoDbRequests dynamoDbRequests() {
      return new DynamoDbRequests();
    }

    @Bean
    AwsClientCustomizer<DynamoDbAsyncClientBuilder> countDynamoDbRequests(
        DynamoDbRequests requests) {
      return builder ->
          builder.overrideConfiguration(
              builder.overrideConfiguration().toBuilder()
                  .addExecutionInterceptor(requests)
                  .build());
    }
  }
}
