package io.emporium.platform.messaging.dynamodb;

import io.emporium.local.AwsClients;
import io.emporium.platform.testing.TestEnvironment;
import java.util.List;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/** Clients for the test JVM's AWS emulator that {@link AwsClients} does not build. */
final class AwsTestClients {

  private AwsTestClients() {}

  static DynamoDbAsyncClient dynamo() {
    AwsClients aws = TestEnvironment.aws().clients();
    return DynamoDbAsyncClient.builder()
        .endpointOverride(aws.endpoint())
        .region(aws.region())
        .credentialsProvider(aws.credentials())
        .build();
  }

  static DynamoDbClient dynamoSync() {
    AwsClients aws = TestEnvironment.aws().clients();
    return DynamoDbClient.builder()
        .endpointOverride(aws.endpoint())
        .region(aws.region())
        .credentialsProvider(aws.credentials())
        .build();
  }

  static SnsAsyncClient sns(ExecutionInterceptor... interceptors) {
    AwsClients aws = TestEnvironment.aws().clients();
    return SnsAsyncClient.builder()
        .endpointOverride(aws.endpoint())
        .region(aws.region())
        .credentialsProvider(aws.credentials())
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .executionInterceptors(List.of(interceptors))
                .build())
        .build();
  }
}
