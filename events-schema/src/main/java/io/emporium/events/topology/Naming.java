package io.emporium.events.topology;

/** Name patterns with {env}, {producer} and {consumer} placeholders. */
public record Naming(String topic, String queue, String dlq, String typeAttribute) {

  String topic(String env, String producer) {
    return topic.replace("{env}", env).replace("{producer}", producer);
  }

  String queue(String env, String consumer, String producer) {
    return fill(queue, env, consumer, producer);
  }

  String dlq(String env, String consumer, String producer) {
    return fill(dlq, env, consumer, producer);
  }

  private static String fill(String pattern, String env, String consumer, String producer) {
    return pattern
        .replace("{env}", env)
        .replace("{consumer}", consumer)
        .replace("{producer}", producer);
  }
}
