package io.emporium.platform.dlq;

import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * {@code ./emporium dlq list <queue>} and {@code ./emporium dlq replay <queue> [message ids…]}.
 * Talks to {@code EMPORIUM_AWS_ENDPOINT} (an emulator) when set, else to AWS with the default
 * credentials chain and {@code AWS_REGION}.
 */
public final class DlqCommand {

  private static final int LIST_MAX = 100;

  private DlqCommand() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    if (args.length < 2 || !List.of("list", "replay").contains(args[0])) {
      out.println("usage: dlq list <queue> | dlq replay <queue> [message-id ...]");
      System.exit(2);
    }
    try (SqsClient sqs = client()) {
      DeadLetters deadLetters = new DeadLetters(sqs);
      String queue = args[1];
      if (args[0].equals("list")) {
        list(deadLetters, queue, out);
      } else {
        var ids = new LinkedHashSet<>(List.of(args).subList(2, args.length));
        int moved =
            deadLetters.replay(
                queue,
                ids,
                d ->
                    out.printf(
                        "replayed %s  event %s  %s%n", d.messageId(), d.eventId(), d.type()));
        out.printf(
            "%d message(s) moved from %s to %s%n",
            moved, DeadLetters.dlqOf(queue), DeadLetters.sourceOf(queue));
      }
    }
  }

  private static void list(DeadLetters deadLetters, String queue, PrintStream out) {
    var letters = deadLetters.list(queue, LIST_MAX);
    out.printf("%d dead letter(s) in %s%n", letters.size(), DeadLetters.dlqOf(queue));
    out.printf(
        "%-38s %-38s %-32s %-24s %s%n", "MESSAGE ID", "EVENT ID", "TYPE", "SUBJECT", "RECEIVES");
    letters.forEach(
        d ->
            out.printf(
                "%-38s %-38s %-32s %-24s %d%n",
                d.messageId(), d.eventId(), d.type(), d.subject(), d.receiveCount()));
  }

  private static SqsClient client() {
    SqsClientBuilder builder = SqsClient.builder();
    String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
    builder.region(Region.of(region));
    String endpoint = System.getenv("EMPORIUM_AWS_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      builder
          .endpointOverride(URI.create(endpoint))
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }
    return builder.build();
  }
}
