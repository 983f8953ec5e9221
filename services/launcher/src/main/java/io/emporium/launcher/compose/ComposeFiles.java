package io.emporium.launcher.compose;

import io.emporium.events.topology.QueueSettings;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import io.emporium.launcher.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files {@code localstack/docker-compose.yml} mounts, generated from topology.yaml so the
 * Docker path provisions exactly what {@code ./emporium up} and Terraform do: LocalStack's ready
 * hook (topics, queues with DLQs and redrive, raw filtered subscriptions, via {@code awslocal}) and
 * PostgreSQL's init SQL (one database per service that keeps data there).
 */
public final class ComposeFiles {

  public static final String PROVISION_SCRIPT = "localstack/init/ready.d/provision.sh";
  public static final String DATABASES_SQL = "localstack/postgres/create-databases.sql";
  public static final String REGENERATE =
      "./mvnw -B -ntp -pl services/launcher test -Dtest=ComposeFilesTests"
          + " -Demporium.localstack.regenerate=true";
  static final String ENV = "local";

  private ComposeFiles() {}

  /** Every generated file by its path from the repository root. */
  public static Map<String, String> generate(Topology topology) {
    return Map.of(PROVISION_SCRIPT, provisionScript(topology), DATABASES_SQL, databasesSql());
  }

  public static void write(Path repoRoot, Topology topology) {
    generate(topology)
        .forEach(
            (path, content) -> {
              try {
                Path file = repoRoot.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, content);
                if (path.endsWith(".sh")) {
                  Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  static String provisionScript(Topology topology) {
    QueueSettings q = topology.queueDefaults();
    String topics =
        topology.producers().keySet().stream()
            .map(
                p ->
                    "%s_topic=$(awslocal sns create-topic --name %s --query TopicArn --output text)"
                        .formatted(p, topology.topicName(ENV, p)))
            .collect(Collectors.joining("\n"));
    String edges =
        topology.subscriptions(ENV).stream()
            .map(ComposeFiles::edge)
            .collect(Collectors.joining("\n"));
    return """
        #!/bin/bash
        # Generated from events-schema/topology.yaml by io.emporium.launcher.compose.ComposeFiles: do not edit.
        # Regenerate: %s
        # LocalStack runs it when ready (mounted at /etc/localstack/init/ready.d): the topology of env "%s",
        # as TopologyProvisioner creates it for ./emporium up and Terraform in AWS. Idempotent.
        set -euo pipefail

        arn_of() {
          awslocal sqs get-queue-attributes --queue-url "$1" --attribute-names QueueArn \\
            --query Attributes.QueueArn --output text
        }

        # edge <topic arn> <queue> <dlq> <filter policy>: queue + DLQ (redrive), raw delivery filtered on the type.
        edge() {
          local topic_arn=$1 queue=$2 dlq=$3 filter=$4 dlq_url dlq_arn queue_url queue_arn
          dlq_url=$(awslocal sqs create-queue --queue-name "$dlq" --query QueueUrl --output text \\
            --attributes MessageRetentionPeriod=%d)
          dlq_arn=$(arn_of "$dlq_url")
          queue_url=$(awslocal sqs create-queue --queue-name "$queue" --query QueueUrl --output text)
          awslocal sqs set-queue-attributes --queue-url "$queue_url" --attributes "$(printf \\
            '{"VisibilityTimeout":"%d","MessageRetentionPeriod":"%d","ReceiveMessageWaitTimeSeconds":"%d","RedrivePolicy":"{\\\\"deadLetterTargetArn\\\\":\\\\"%%s\\\\",\\\\"maxReceiveCount\\\\":%d}"}' \\
            "$dlq_arn")"
          queue_arn=$(arn_of "$queue_url")
          awslocal sns subscribe --topic-arn "$topic_arn" --protocol sqs --notification-endpoint "$queue_arn" \\
            --attributes "$(printf '{"RawMessageDelivery":"true","FilterPolicy":"%%s"}' "${filter//\\"/\\\\\\"}")" \\
            >/dev/null
        }

        %s

        %s

        echo "emporium: provisioned %d topics and %d queues with DLQs (env %s)"
        """
        .formatted(
            REGENERATE,
            ENV,
            q.dlqRetentionSeconds(),
            q.visibilityTimeoutSeconds(),
            q.messageRetentionSeconds(),
            q.receiveWaitTimeSeconds(),
            q.maxReceiveCount(),
            topics,
            edges,
            topology.producers().size(),
            topology.subscriptions(ENV).size(),
            ENV);
  }

  private static String edge(Subscription s) {
    return "edge \"$%s_topic\" %s %s '%s'"
        .formatted(s.producer(), s.queue(), s.dlq(), s.filterPolicy());
  }

  static String databasesSql() {
    String creates =
        StackSettings.DATABASES.stream()
            .map(db -> "CREATE DATABASE \"%s\";".formatted(db))
            .collect(Collectors.joining("\n"));
    return """
        -- Generated by io.emporium.launcher.compose.ComposeFiles: do not edit.
        -- Regenerate: %s
        -- The PostgreSQL databases of events-schema/data-schema.yaml (the cart uses DynamoDB; psp is the
        -- payment provider simulator's).
        %s
        """
        .formatted(REGENERATE, creates);
  }
}
