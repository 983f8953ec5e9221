package io.emporium.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AwsCallTests {

  private static final String SIGNED_BY_CART =
      "AWS4-HMAC-SHA256 Credential=cart/20261130/us-east-1/dynamodb/aws4_request,"
          + " SignedHeaders=host;x-amz-date, Signature=abc";

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aJsonProtocolCallIsNamedByItsTarget() {
    AwsCall call =
        AwsCall.of(SIGNED_BY_CART, "DynamoDB_20120810.UpdateItem", "POST", "/", body("{}"));

    assertThat(call).isEqualTo(new AwsCall("cart", "dynamodb:UpdateItem"));
    assertThat(call.service()).isEqualTo("dynamodb");
    assertThat(call.operation()).isEqualTo("UpdateItem");
  }

  @Test
  void sqsJsonCallsAreSqsWhateverTheSigningName() {
    String signed = SIGNED_BY_CART.replace("cart/", "order/").replace("/dynamodb/", "/sqs/");

    assertThat(AwsCall.of(signed, "AmazonSQS.ReceiveMessage", "POST", "/", new byte[0]))
        .isEqualTo(new AwsCall("order", "sqs:ReceiveMessage"));
  }

  @Test
  void aQueryProtocolCallIsNamedByTheActionInItsForm() {
    String signed = SIGNED_BY_CART.replace("/dynamodb/", "/sns/");

    AwsCall call =
        AwsCall.of(
            signed, null, "POST", "/", body("Action=PublishBatch&Version=2010-03-31&TopicArn=x"));

    assertThat(call).isEqualTo(new AwsCall("cart", "sns:PublishBatch"));
  }

  @Test
  void unsignedCognitoCallsAndKeySetsAreTold() {
    assertThat(
            AwsCall.of(
                null, "AWSCognitoIdentityProviderService.InitiateAuth", "POST", "/", body("{}")))
        .isEqualTo(new AwsCall(AwsCall.UNSIGNED, "cognito-idp:InitiateAuth"));
    assertThat(AwsCall.of(null, null, "GET", "/us-east-1_abc/.well-known/jwks.json", new byte[0]))
        .isEqualTo(new AwsCall(AwsCall.UNSIGNED, "cognito-idp:JWKS"));
  }

  @Test
  void restCallsAreNamedByMethodAndPathWithIdsFolded() {
    String signed = SIGNED_BY_CART.replace("cart/", "notification/").replace("/dynamodb/", "/ses/");

    assertThat(AwsCall.of(signed, null, "POST", "/v2/email/outbound-emails", new byte[0]))
        .isEqualTo(new AwsCall("notification", "ses:POST /v2/email/outbound-emails"));
    assertThat(AwsCall.of(signed, null, "GET", "/v2/email/identities/a1b2c3d4e5/x", new byte[0]))
        .isEqualTo(new AwsCall("notification", "ses:GET /v2/email/identities/{id}/x"));
  }

  @Test
  void messagingSelectsSnsAndSqsOnly() {
    assertThat(CallCounts.messaging(new AwsCall("cart", "sns:PublishBatch"))).isTrue();
    assertThat(CallCounts.messaging(new AwsCall("order", "sqs:DeleteMessageBatch"))).isTrue();
    assertThat(CallCounts.messaging(new AwsCall("cart", "dynamodb:Query"))).isFalse();
  }
}
