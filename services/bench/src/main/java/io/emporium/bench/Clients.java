package io.emporium.bench;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** The bench's own AWS clients: {@code accessKey} names them in the proxy's counts. */
final class Clients {

  private Clients() {}

  static SnsAsyncClient sns(URI endpoint, String accessKey) {
    return SnsAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials(accessKey))
        .build();
  }

  static SqsAsyncClient sqs(URI endpoint, String accessKey) {
    return SqsAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials(accessKey))
        .build();
  }

  static DynamoDbAsyncClient dynamo(URI endpoint, String accessKey) {
    return DynamoDbAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials(accessKey))
        .build();
  }

  private static StaticCredentialsProvider credentials(String accessKey) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "bench"));
  }
}
