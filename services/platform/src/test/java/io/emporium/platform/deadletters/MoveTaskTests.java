package io.emporium.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsServiceClientConfiguration;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksRequest;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * How the move task reads SQS's answers. An emulator with move tasks is not available to the tests
 * (moto has none), so these feed it ListMessageMoveTasks answers shaped as the SQS API reference
 * describes them: a task's handle is listed only while it runs; the moved count is absent until SQS
 * has moved some.
 */
class MoveTaskTests {

  private static final String HANDLE = "task-1";
  private static final long STARTED = System.currentTimeMillis();

  @Test
  void followsItsTaskToTheEndWhenTheFinishedEntryHasNoHandleAndSkipsOlderTasks() {
    var listed =
        new Listed(
            List.of(running(null), finished("COMPLETED", STARTED - 3_600_000, 99L)),
            List.of(running(4L), finished("COMPLETED", STARTED - 3_600_000, 99L)),
            List.of(
                finished("COMPLETED", STARTED - 3_600_000, 99L),
                finished("COMPLETED", STARTED, 12L)));
    List<ReplayProgress> progress = new ArrayList<>();

    ListMessageMoveTasksResultEntry last =
        task(listed).await(HANDLE, Duration.ofMinutes(1), progress::add);

    assertThat(last.status()).isEqualTo("COMPLETED");
    assertThat(MoveTask.moved(last)).isEqualTo(12);
    assertThat(progress).extracting(ReplayProgress::moved).containsExactly(0, 4, 12);
  }

  @Test
  void aTaskThatEndedBeforeItWasFirstListedIsTheLatestStartedSinceItWasAsked() {
    var listed =
        new Listed(
            List.of(
                finished("COMPLETED", STARTED + 50, 7L),
                finished("FAILED", STARTED - 3_600_000, 3L)));

    var task = task(listed);
    task.start(0);
    ListMessageMoveTasksResultEntry last = task.await(HANDLE, Duration.ofMinutes(1), p -> {});

    assertThat(MoveTask.moved(last)).isEqualTo(7);
  }

  @Test
  void aMissingMovedCountIsZero() {
    assertThat(MoveTask.moved(finished("COMPLETED", STARTED, null))).isZero();
  }

  @Test
  void onlyAnAnswerThatIsNoAwsErrorOrSaysNotImplementedMeansTheEndpointLacksMoveTasks() {
    assertThat(MoveTask.unsupported(error(500, null))).as("moto 5.2: an HTML 500 page").isTrue();
    assertThat(MoveTask.unsupported(error(501, "InternalFailure"))).isTrue();
    assertThat(MoveTask.unsupported(error(400, "InvalidAction"))).isTrue();
    assertThat(MoveTask.unsupported(error(500, "InternalError"))).as("AWS failing").isFalse();
    assertThat(MoveTask.unsupported(error(500, "InternalFailure"))).isFalse();
    assertThat(MoveTask.unsupported(error(403, "AccessDenied"))).isFalse();
  }

  private static MoveTask task(Listed listed) {
    var queue =
        new DeadLetterQueue("q-dlq", "url", "arn:dlq", "q", "source-url", "arn:q", null, null);
    MoveTask task = new MoveTask(listed, queue, Clock.systemUTC(), Duration.ofMillis(1));
    return task;
  }

  private static ListMessageMoveTasksResultEntry running(Long moved) {
    return ListMessageMoveTasksResultEntry.builder()
        .taskHandle(HANDLE)
        .status("RUNNING")
        .startedTimestamp(STARTED)
        .approximateNumberOfMessagesMoved(moved)
        .build();
  }

  private static ListMessageMoveTasksResultEntry finished(String status, long started, Long moved) {
    return ListMessageMoveTasksResultEntry.builder()
        .status(status)
        .startedTimestamp(started)
        .approximateNumberOfMessagesMoved(moved)
        .build();
  }

  private static SqsException error(int status, String code) {
    return (SqsException)
        SqsException.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .build();
  }

  /** An SQS client that answers ListMessageMoveTasks with the given lists, one per call. */
  private static final class Listed implements SqsClient {
    private final Deque<List<ListMessageMoveTasksResultEntry>> answers;

    @SafeVarargs
    Listed(List<ListMessageMoveTasksResultEntry>... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse
        startMessageMoveTask(
            software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest request) {
      return software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse.builder()
          .taskHandle(HANDLE)
          .build();
    }

    @Override
    public ListMessageMoveTasksResponse listMessageMoveTasks(ListMessageMoveTasksRequest request) {
      List<ListMessageMoveTasksResultEntry> answer =
          answers.size() > 1 ? answers.poll() : answers.peek();
      return ListMessageMoveTasksResponse.builder().results(answer).build();
    }

    @Override
    public String serviceName() {
      return SERVICE_NAME;
    }

    @Override
    public SqsServiceClientConfiguration serviceClientConfiguration() {
      return SqsServiceClientConfiguration.builder().build();
    }

    @Override
    public void close() {}
  }
}
