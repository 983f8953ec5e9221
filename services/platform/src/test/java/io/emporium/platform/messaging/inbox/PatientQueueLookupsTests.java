package io.emporium.platform.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

class PatientQueueLookupsTests {

  @Test
  void waitsForNoAnswerServerErrorsAndThrottling() {
    assertThat(PatientQueueLookups.worthWaitingFor(SdkClientException.create("acquire timeout")))
        .isTrue();
    assertThat(
            PatientQueueLookups.worthWaitingFor(
                SqsException.builder().statusCode(503).message("unavailable").build()))
        .isTrue();
    assertThat(
            PatientQueueLookups.worthWaitingFor(
                SqsException.builder()
                    .statusCode(400)
                    .awsErrorDetails(
                        software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                            .errorCode("ThrottlingException")
                            .build())
                    .build()))
        .isTrue();
  }

  @Test
  void failsAtOnceWhenTheQueueIsMissingOrAccessDenied() {
    assertThat(
            PatientQueueLookups.worthWaitingFor(
                QueueDoesNotExistException.builder().statusCode(400).build()))
        .isFalse();
    assertThat(
            PatientQueueLookups.worthWaitingFor(
                SqsException.builder().statusCode(403).message("denied").build()))
        .isFalse();
  }

  @Test
  void backsOffExponentiallyUpToHalfAMinute() {
    assertThat(PatientQueueLookups.delay(1))
        .isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(PatientQueueLookups.delay(4))
        .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    assertThat(PatientQueueLookups.delay(40))
        .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
  }
}
