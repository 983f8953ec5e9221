package io.emporium.platform.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.platform.testing.TestEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * A service whose listeners start while the AWS endpoint is unreachable rides it out, and one whose
 * queue does not exist fails naming it without creating a queue that would have no DLQ.
 */
class QueueResolutionIntegrationTests {

  private final URI aws = TestEnvironment.aws().endpoint();
  private final SqsClient sqs =
      SqsClient.builder()
          .endpointOverride(aws)
          .region(Region.US_EAST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .build();
  private final String queue = "emporium-test-startup-" + UUID.randomUUID();
  private ConfigurableApplicationContext app;

  @BeforeEach
  void noContextYet() {
    app = null;
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    sqs.close();
  }

  @Test
  void listenersStartOnceAnUnreachableAwsEndpointAnswersAgain() throws Exception {
    sqs.createQueue(b -> b.queueName(queue));
    try (TcpGate gate = new TcpGate(aws)) {
      CompletableFuture<ConfigurableApplicationContext> starting =
          CompletableFuture.supplyAsync(() -> start(gate.endpoint()));

      await("queue lookups refused while the endpoint is down")
          .atMost(Duration.ofSeconds(60))
          .until(() -> gate.refused() >= 8 || starting.isDone());
      assertThat(starting).as("the service is still starting, not failed").isNotDone();

      gate.open();
      app = starting.get(120, java.util.concurrent.TimeUnit.SECONDS);
      String queueUrl = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
      sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("hello after the outage"));

      Received received = app.getBean(Received.class);
      await().atMost(Duration.ofSeconds(60)).until(() -> !received.bodies.isEmpty());
      assertThat(received.bodies).containsExactly("hello after the outage");
    }
  }

  @Test
  void aMissingQueueFailsTheStartNamingItAndIsNeverCreated() {
    assertThatThrownBy(() -> app = start(aws))
        .hasStackTraceContaining(queue)
        .hasStackTraceContaining("FAIL");
    assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName(queue)))
        .isInstanceOf(SqsException.class)
        .hasMessageContaining("does not exist");
  }

  private ConfigurableApplicationContext start(URI endpoint) {
    return new SpringApplicationBuilder(ListeningApp.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.cloud.aws.endpoint=" + endpoint,
            "spring.cloud.aws.region.static=us-east-1",
            "spring.cloud.aws.credentials.access-key=test",
            "spring.cloud.aws.credentials.secret-key=test",
            "test.queue=" + queue)
        .run();
  }

  static final class Received {
    final List<String> bodies = new CopyOnWriteArrayList<>();

    @SqsListener("${test.queue}")
    void on(String body) {
      bodies.add(body);
    }
  }

  @SpringBootConfiguration
  @ImportAutoConfiguration({
    AwsAutoConfiguration.class,
    CredentialsProviderAutoConfiguration.class,
    RegionProviderAutoConfiguration.class,
    SqsAutoConfiguration.class,
    ListenerStartupAutoConfiguration.class
  })
  static class ListeningApp {

    @Bean
    Received received() {
      return new Received();
    }
  }
}
