package io.emporium.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.local.AwsClients;
import io.emporium.local.FreePorts;
import io.emporium.local.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The fault proxy in front of a real moto: what the services meet when the suite breaks AWS. */
class FaultProxyIntegrationTests {

  private static MotoServer moto;
  private static FaultProxy proxy;
  private static final AwsFaults faults = new AwsFaults();
  private static SqsClient sqs;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    proxy = FaultProxy.start(moto.endpoint(), faults, FreePorts.next());
    sqs = AwsClients.emulator(proxy.endpoint()).sqs();
  }

  @AfterAll
  static void stop() {
    sqs.close();
    proxy.close();
    moto.close();
  }

  @AfterEach
  void healthy() {
    faults.clear();
  }

  @Test
  void passesCallsOnWithTheHostTheClientAddressed() {
    String url = newQueue();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));

    assertThat(url).startsWith(proxy.endpoint().toString());
    assertThat(receive(url)).extracting(Message::body).containsExactly("hello");
  }

  @Test
  void failsCallsWithErrorsTheSdkUnderstands() {
    String url = newQueue();
    faults.errorRate(1.0);

    assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("lost")))
        .isInstanceOf(AwsServiceException.class)
        .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isIn(400, 500, 503));
    assertThat(faults.injected().errors()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void anOutageHoldsCallsUntilItEnds() {
    String url = newQueue();
    long heldBefore = faults.injected().held();
    Instant started = Instant.now();
    faults.outageUntil(started.plusSeconds(3));

    sqs.sendMessage(b -> b.queueUrl(url).messageBody("after the outage"));

    assertThat(Duration.between(started, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(faults.injected().held()).isGreaterThan(heldBefore);
    assertThat(receive(url)).extracting(Message::body).containsExactly("after the outage");
  }

  @Test
  void duplicatesDeliveriesWithTheSameBody() throws InterruptedException {
    String url = newQueue();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("twice"));
    faults.tamperDeliveries(1.0, 0);

    List<Message> first = receive(url);
    faults.tamperDeliveries(0, 0);
    delete(url, first);
    List<Message> again = new ArrayList<>();
    Instant giveUp = Instant.now().plusSeconds(30);
    while (again.isEmpty() && Instant.now().isBefore(giveUp)) {
      again.addAll(receive(url));
    }

    assertThat(first).extracting(Message::body).containsExactly("twice");
    assertThat(again).extracting(Message::body).containsExactly("twice");
  }

  @Test
  void delaysADeliveryUntilItsVisibilityTimeoutPasses() {
    String url = newQueue();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("late"));
    faults.tamperDeliveries(0, 1.0);

    assertThat(receive(url)).isEmpty();
    faults.tamperDeliveries(0, 0);
    List<Message> later = new ArrayList<>();
    Instant giveUp = Instant.now().plusSeconds(30);
    while (later.isEmpty() && Instant.now().isBefore(giveUp)) {
      later.addAll(receive(url));
    }

    assertThat(later).extracting(Message::body).containsExactly("late");
  }

  private static String newQueue() {
    return sqs.createQueue(
            b ->
                b.queueName("proxy-" + UUID.randomUUID().toString().substring(0, 8))
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "2")))
        .queueUrl();
  }

  private static List<Message> receive(String url) {
    return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(2))
        .messages();
  }

  private static void delete(String url, List<Message> messages) {
    messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
  }
}
