package io.emporium.events.topology;

/**
 * Where replays and purges of dead letters are recorded: a DynamoDB table per environment.
 *
 * @param table the name pattern, with {@code {env}}
 * @param hashKey the partition key attribute (a string: {@code AUDIT#<yyyy-MM>})
 * @param rangeKey the sort key attribute (a string: {@code <instant>#<record id>})
 */
public record DeadLetterAudit(String table, String hashKey, String rangeKey) {

  public String table(String env) {
    return table.replace("{env}", env);
  }
}
