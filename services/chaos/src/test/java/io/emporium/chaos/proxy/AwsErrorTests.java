package io.emporium.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsErrorTests {

  @Test
  void speaksTheJsonProtocolToSqsAndDynamoDb() {
    var sqs = AwsError.THROTTLED.response("application/x-amz-json-1.0", "AmazonSQS.ReceiveMessage");
    var dynamo =
        AwsError.THROTTLED.response("application/x-amz-json-1.0", "DynamoDB_20120810.PutItem");

    assertThat(sqs.status()).isEqualTo(400);
    assertThat(sqs.body()).contains("\"__type\":\"ThrottlingException\"");
    assertThat(dynamo.body()).contains("ProvisionedThroughputExceededException");
  }

  @Test
  void speaksQueryXmlToSns() {
    var error =
        AwsError.INTERNAL_BEFORE.response("application/x-www-form-urlencoded; charset=utf-8", null);

    assertThat(error.status()).isEqualTo(500);
    assertThat(error.contentType()).isEqualTo("text/xml");
    assertThat(error.body())
        .contains("<Code>InternalFailure</Code>")
        .contains("<Type>Receiver</Type>");
  }

  @Test
  void throttlesRestJsonWith429() {
    var error = AwsError.THROTTLED.response("application/json", null);

    assertThat(error.status()).isEqualTo(429);
    assertThat(error.errorType()).isEqualTo("TooManyRequestsException");
  }
}
