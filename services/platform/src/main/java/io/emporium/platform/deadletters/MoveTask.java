package io.emporium.platform.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

/**
 * SQS's own redrive ({@code StartMessageMoveTask}), for an unfiltered replay where the endpoint has
 * it (AWS, LocalStack, ElasticMQ): SQS moves the messages that are in the DLQ when the task starts,
 * at most at the given rate, and this waits until the task ends. moto answers 500: {@link #start}
 * then tells that the endpoint lacks it and the caller falls back to a pass.
 */
final class MoveTask {

  private final SqsClient sqs;
  private final DeadLetterQueue queue;

  MoveTask(SqsClient sqs, DeadLetterQueue queue) {
    this.sqs = sqs;
    this.queue = queue;
  }

  /** Starts the task; empty when the endpoint does not implement move tasks. */
  Optional<String> start(double perSecond) {
    try {
      return Optional.of(
          sqs.startMessageMoveTask(
                  b -> {
                    b.sourceArn(queue.arn()).destinationArn(queue.sourceArn());
                    if (perSecond > 0) {
                      b.maxNumberOfMessagesPerSecond((int) Math.max(1, Math.round(perSecond)));
                    }
                  })
              .taskHandle());
    } catch (SdkServiceException e) {
      if (unsupported(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Waits for the task to end, reporting the moved count; returns the final entry. */
  ListMessageMoveTasksResultEntry await(
      String handle, Duration within, Consumer<ReplayProgress> progress) {
    Instant deadline = Instant.now().plus(within);
    while (true) {
      ListMessageMoveTasksResultEntry task = latest(handle);
      if (task != null) {
        int moved = task.approximateNumberOfMessagesMoved().intValue();
        int toMove =
            task.approximateNumberOfMessagesToMove() == null
                ? moved
                : task.approximateNumberOfMessagesToMove().intValue();
        progress.accept(new ReplayProgress(toMove, moved, 0, "move task " + task.status()));
        if (!"RUNNING".equals(task.status())) {
          return task;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        sqs.cancelMessageMoveTask(b -> b.taskHandle(handle));
        throw new IllegalStateException(
            "the SQS move task did not finish within " + within + ": cancelled");
      }
      sleep();
    }
  }

  private ListMessageMoveTasksResultEntry latest(String handle) {
    return sqs.listMessageMoveTasks(b -> b.sourceArn(queue.arn()).maxResults(10)).results().stream()
        .filter(t -> handle.equals(t.taskHandle()) || t.taskHandle() == null)
        .findFirst()
        .orElse(null);
  }

  static boolean unsupported(SdkServiceException e) {
    String code =
        e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                && aws.awsErrorDetails() != null
            ? String.valueOf(aws.awsErrorDetails().errorCode())
            : "";
    return e.statusCode() == 500
        || e.statusCode() == 501
        || code.contains("InvalidAction")
        || code.contains("UnsupportedOperation")
        || code.contains("NotImplemented");
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
