package io.emporium.launcher.dlq;

import io.emporium.platform.deadletters.QueueDirectory.QueueStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "list",
    description =
        "Every DLQ of the environment (depth, age of the oldest message, source, consumer), and"
            + " the dead letters of every service's outbox, outbox:<service> (count, age of the"
            + " oldest; read through the services' admin API).")
final class ListCommand implements Callable<Integer> {

  @ParentCommand DlqCommand dlq;
  @Mixin Connection connection;

  @Option(
      names = "--consumer",
      description = "only the DLQs of this consuming service (and its own outbox)")
  String consumer;

  @Override
  public Integer call() {
    Output out = dlq.output(connection);
    String env = connection.env(null);
    List<QueueStats> queues = new ArrayList<>(connection.deadLetters(env).list(consumer));
    queues.addAll(new Outboxes(connection, env, out).rows(consumer));
    if (out.json()) {
      out.json(queues);
      return ExitCodes.OK;
    }
    out.line("dead-letter queues of environment " + env + " at " + connection.endpointOrAws());
    out.table(
        List.of("DLQ", "MESSAGES", "IN FLIGHT", "OLDEST", "SOURCE QUEUE", "CONSUMER"),
        queues.stream()
            .map(
                q ->
                    List.of(
                        q.dlq(),
                        Integer.toString(q.messages()),
                        Integer.toString(q.inFlight()),
                        Output.age(q.oldestAge()),
                        q.source(),
                        Output.text(q.consumer())))
            .toList());
    return ExitCodes.OK;
  }
}
