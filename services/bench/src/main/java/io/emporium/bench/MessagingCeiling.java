package io.emporium.bench;

import io.emporium.bench.proc.CpuMeter;
import io.emporium.bench.report.Figure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The emulator's raw SNS → SQS ceiling, straight to moto: PublishBatch of ten to a topic with one
 * raw-delivery queue, ReceiveMessage of ten and DeleteMessageBatch, two loops each, as the shop's
 * relays and listeners do; messages delivered and deleted per second.
 */
final class MessagingCeiling {

  private MessagingCeiling() {}

  static void run(Run run) {
    if (!run.fits(run.settings.ceiling().plusSeconds(10))) {
      return;
    }
    try (SnsAsyncClient sns = Clients.sns(run.moto, "bench");
        SqsAsyncClient sqs = Clients.sqs(run.moto, "bench")) {
      String topic = sns.createTopic(b -> b.name("emporium-bench-ceiling")).join().topicArn();
      String queue = sqs.createQueue(b -> b.queueName("emporium-bench-ceiling")).join().queueUrl();
      String queueArn =
          sqs.getQueueAttributes(
                  b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
              .join()
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      sns.subscribe(
              b ->
                  b.topicArn(topic)
                      .protocol("sqs")
                      .endpoint(queueArn)
                      .attributes(Map.of("RawMessageDelivery", "true")))
          .join();
      run.say.accept(
          "raw SNS → SQS ceiling for %d s".formatted(run.settings.ceiling().toSeconds()));
      AtomicLong delivered = new AtomicLong();
      long end = System.nanoTime() + run.settings.ceiling().toNanos();
      CpuMeter.Snapshot before = run.cpu.snapshot();
      String body =
          "{\"specversion\":\"1.0\",\"type\":\"bench.Ceiling.v1\",\"data\":{\"padding\":\""
              + "x".repeat(400)
              + "\"}}";
      Flux<Void> publishers =
          Flux.range(0, 2)
              .flatMap(
                  p ->
                      Mono.fromFuture(
                              () ->
                                  sns.publishBatch(
                                      b ->
                                          b.topicArn(topic)
                                              .publishBatchRequestEntries(
                                                  IntStream.range(0, 10)
                                                      .mapToObj(
                                                          i ->
                                                              PublishBatchRequestEntry.builder()
                                                                  .id("m" + i)
                                                                  .message(body)
                                                                  .build())
                                                      .toList())))
                          .then()
                          .repeat(() -> System.nanoTime() < end));
      Flux<Void> consumers =
          Flux.range(0, 2)
              .flatMap(
                  c ->
                      Mono.fromFuture(
                              () ->
                                  sqs.receiveMessage(
                                      b ->
                                          b.queueUrl(queue)
                                              .maxNumberOfMessages(10)
                                              .waitTimeSeconds(1)))
                          .flatMap(
                              r -> {
                                if (r.messages().isEmpty()) {
                                  return Mono.empty();
                                }
                                List<DeleteMessageBatchRequestEntry> entries =
                                    r.messages().stream()
                                        .map(
                                            m ->
                                                DeleteMessageBatchRequestEntry.builder()
                                                    .id(m.messageId())
                                                    .receiptHandle(m.receiptHandle())
                                                    .build())
                                        .toList();
                                return Mono.fromFuture(
                                        () ->
                                            sqs.deleteMessageBatch(
                                                b -> b.queueUrl(queue).entries(entries)))
                                    .doOnNext(d -> delivered.addAndGet(d.successful().size()))
                                    .then();
                              })
                          .repeat(() -> System.nanoTime() < end));
      Flux.merge(publishers, consumers).blockLast(run.settings.ceiling().plusSeconds(30));
      CpuMeter.Usage used = run.cpu.snapshot().since(before);
      double perSecond = delivered.get() / used.seconds();
      run.facts.put("snsSqsCeiling", perSecond);
      run.add(
          Figure.info(
              4,
              "raw SNS → SQS ceiling (moto, same run)",
              "%.0f messages/s".formatted(perSecond),
              "PublishBatch ×10 → raw delivery → ReceiveMessage ×10 → DeleteMessageBatch; moto %.1f ms CPU per message; the saga moved %s confirmed orders/s"
                  .formatted(
                      used.aboveIdle(run.idle, List.of("moto")) / Math.max(1, delivered.get()),
                      run.facts.get("sagaThroughput") instanceof Double t
                          ? "%.1f".formatted(t)
                          : "n/a")));
    }
  }
}
