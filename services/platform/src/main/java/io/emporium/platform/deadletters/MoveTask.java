package io.emporium.platform.deadletters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

/**
 * SQS's own redrive ({@code StartMessageMoveTask}), for an unfiltered replay that awaits no outcome
 * where the endpoint has it (AWS, LocalStack, ElasticMQ): SQS moves the messages that are in the
 * DLQ when the task starts, at most at the given rate, and this waits until the task ends. moto
 * (5.2) has no such action and answers a bare HTTP 500 page (no AWS error code): {@link #start}
 * then tells that the endpoint lacks it and the caller falls back to a pass. An AWS error (a 500
 * with its code) is thrown.
 */
final class MoveTask {

  /** How far AWS's clock may be behind ours when telling our finished task from older ones. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  private final SqsClient sqs;
  private final DeadLetterQueue queue;
  private final Clock clock;
  private final Duration poll;
  private Instant askedAt;
  private Long startedTimestamp;

  MoveTask(SqsClient sqs, DeadLetterQueue queue, Clock clock, Duration poll) {
    this.sqs = sqs;
    this.queue = queue;
    this.clock = clock;
    this.poll = poll;
    this.askedAt = clock.instant();
  }

  /** Starts the task; empty when the endpoint does not implement move tasks. */
  Optional<String> start(double perSecond) {
    askedAt = clock.instant();
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
    Instant deadline = clock.instant().plus(within);
    while (true) {
      ListMessageMoveTasksResultEntry task = latest(handle);
      if (task != null) {
        int moved = moved(task);
        int toMove =
            task.approximateNumberOfMessagesToMove() == null
                ? moved
                : task.approximateNumberOfMessagesToMove().intValue();
        progress.accept(new ReplayProgress(toMove, moved, 0, "move task " + task.status()));
        if (!"RUNNING".equals(task.status())) {
          return task;
        }
      }
      if (clock.instant().isAfter(deadline)) {
        sqs.cancelMessageMoveTask(b -> b.taskHandle(handle));
        throw new IllegalStateException(
            "the SQS move task did not finish within " + within + ": cancelled");
      }
      sleep();
    }
  }

  /** The approximate count SQS moved; it leaves the field out until it has moved any. */
  static int moved(ListMessageMoveTasksResultEntry task) {
    Long moved = task.approximateNumberOfMessagesMoved();
    return moved == null ? 0 : moved.intValue();
  }

  /**
   * Our task's entry. SQS lists a task's handle only while it runs: once it ended, its entry is the
   * one without a handle that started when ours did (recorded while it ran), or, if it ended before
   * we first looked, the latest one started since we asked. Other entries without a handle are
   * older tasks: skipped.
   */
  private ListMessageMoveTasksResultEntry latest(String handle) {
    List<ListMessageMoveTasksResultEntry> tasks =
        sqs.listMessageMoveTasks(b -> b.sourceArn(queue.arn()).maxResults(10)).results();
    for (ListMessageMoveTasksResultEntry task : tasks) {
      if (handle.equals(task.taskHandle())) {
        startedTimestamp = task.startedTimestamp();
        return task;
      }
    }
    long since = askedAt.minus(SKEW).toEpochMilli();
    return tasks.stream()
        .filter(t -> t.taskHandle() == null && t.startedTimestamp() != null)
        .filter(
            t ->
                startedTimestamp != null
                    ? Objects.equals(t.startedTimestamp(), startedTimestamp)
                    : t.startedTimestamp() >= since)
        .max(Comparator.comparing(ListMessageMoveTasksResultEntry::startedTimestamp))
        .orElse(null);
  }

  /**
   * Whether the endpoint lacks the action: 501, an error code saying so (LocalStack, ElasticMQ), or
   * a 500 that is no AWS error at all — moto's answer, its server's HTML error page without an
   * error code. A 500 carrying an AWS error code (InternalError) is a real failure.
   */
  static boolean unsupported(SdkServiceException e) {
    String code =
        e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
            ? aws.awsErrorDetails().errorCode()
            : null;
    boolean noAwsError = code == null || code.isBlank();
    return e.statusCode() == 501
        || (e.statusCode() == 500 && noAwsError)
        || (!noAwsError
            && (code.contains("InvalidAction")
                || code.contains("UnsupportedOperation")
                || code.contains("NotImplemented")));
  }

  private void sleep() {
    try {
      Thread.sleep(poll.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
