package io.emporium.cart;

import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.TestEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What {@link CartIntegrationTest} classes share: names, properties, a DynamoDB client. */
public final class CartTestInfra {

  private CartTestInfra() {}

  public static final String CARTS = "emporium-" + EmulatedInfrastructure.ENV + "-carts";

  /** For a test class's {@code @DynamicPropertySource}: where its stub catalog answers. */
  public static void properties(DynamicPropertyRegistry registry, StubCatalog catalog) {
    registry.add("emporium.cart.catalog-url", catalog::url);
  }

  public static DynamoDbClient dynamo() {
    var aws = TestEnvironment.aws().clients();
    return DynamoDbClient.builder()
        .endpointOverride(aws.endpoint())
        .region(aws.region())
        .credentialsProvider(aws.credentials())
        .build();
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
