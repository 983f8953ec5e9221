package io.emporium.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where an AWS emulator answers, and sync clients for it (provisioning and tooling, not hot paths).
 */
public record AwsClients(URI endpoint, Region region, String accessKey, String secretKey) {

  public static AwsClients emulator(URI endpoint) {
    return new AwsClients(endpoint, Region.US_EAST_1, "test", "test");
  }

  public StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
  }

  public SnsClient sns() {
    return SnsClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(credentials())
        .build();
  }

  public CognitoIdentityProviderClient cognito() {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(credentials())
        .build();
  }

  public DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(credentials())
        .build();
  }

  public SqsClient sqs() {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(credentials())
        .build();
  }
}
