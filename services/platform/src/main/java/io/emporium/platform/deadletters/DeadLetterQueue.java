package io.emporium.platform.deadletters;

/**
 * A DLQ and the queue its messages came from (the same name without {@code -dlq}), resolved to
 * URLs; the consumer and producer of its edge in topology.yaml when the topology names it.
 */
public record DeadLetterQueue(
    String name,
    String url,
    String arn,
    String source,
    String sourceUrl,
    String sourceArn,
    String consumer,
    String producer) {

  static final String SUFFIX = "-dlq";

  /** The DLQ's name for {@code queue}, which may name the source queue or the DLQ itself. */
  public static String dlqName(String queue) {
    return queue.endsWith(SUFFIX) ? queue : queue + SUFFIX;
  }

  public static String sourceName(String queue) {
    return queue.endsWith(SUFFIX) ? queue.substring(0, queue.length() - SUFFIX.length()) : queue;
  }
}
