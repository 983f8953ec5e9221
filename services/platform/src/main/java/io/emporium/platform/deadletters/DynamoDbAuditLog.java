package io.emporium.platform.deadletters;

import io.emporium.events.dataschema.DataSchema.AuditTable;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit in DynamoDB (data-schema.yaml {@code deadLetterAudit}): one item per operation,
 * partition {@code AUDIT#<yyyy-MM>} (UTC), sorted by {@code <instant>#<id>}, written with a
 * condition that it is new (an append never overwrites). Reading a period queries its months newest
 * first.
 */
public final class DynamoDbAuditLog implements AuditLog {

  private final DynamoDbClient dynamo;
  private final String table;
  private final AuditTable schema;

  public DynamoDbAuditLog(DynamoDbClient dynamo, AuditTable schema) {
    this.dynamo = dynamo;
    this.schema = schema;
    this.table = schema.name();
  }

  public String table() {
    return table;
  }

  @Override
  public void append(AuditRecord record) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(schema.hashKey(), s(partition(record.at())));
    item.put(schema.rangeKey(), s(record.at() + "#" + record.id()));
    item.put("id", s(record.id()));
    item.put("at", s(record.at().toString()));
    item.put("who", s(record.who()));
    item.put("via", s(record.via()));
    item.put("action", s(record.action()));
    item.put("queue", s(record.queue()));
    item.put("filter", s(record.filter()));
    item.put("count", AttributeValue.fromN(Integer.toString(record.count())));
    item.put("ids", AttributeValue.fromL(record.ids().stream().map(DynamoDbAuditLog::s).toList()));
    item.put("detail", s(record.detail()));
    dynamo.putItem(
        b ->
            b.tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", schema.hashKey())));
  }

  @Override
  public List<AuditRecord> read(Instant since, int limit) {
    List<AuditRecord> records = new ArrayList<>();
    YearMonth first = YearMonth.from(since.atZone(ZoneOffset.UTC));
    for (YearMonth month = YearMonth.now(ZoneOffset.UTC);
        !month.isBefore(first) && records.size() < limit;
        month = month.minusMonths(1)) {
      String pk = "AUDIT#" + month;
      var pages =
          dynamo.queryPaginator(
              b ->
                  b.tableName(table)
                      .keyConditionExpression("#pk = :pk AND #sk >= :since")
                      .expressionAttributeNames(
                          Map.of("#pk", schema.hashKey(), "#sk", schema.rangeKey()))
                      .expressionAttributeValues(
                          Map.of(":pk", s(pk), ":since", s(since.toString())))
                      .scanIndexForward(false));
      for (Map<String, AttributeValue> item : pages.items()) {
        if (records.size() >= limit) {
          break;
        }
        records.add(record(item));
      }
    }
    return records;
  }

  private static AuditRecord record(Map<String, AttributeValue> item) {
    return new AuditRecord(
        item.get("id").s(),
        Instant.parse(item.get("at").s()),
        item.get("who").s(),
        item.get("via").s(),
        item.get("action").s(),
        item.get("queue").s(),
        item.get("filter").s(),
        Integer.parseInt(item.get("count").n()),
        item.get("ids").l().stream().map(AttributeValue::s).toList(),
        item.get("detail").s());
  }

  private static String partition(Instant at) {
    return "AUDIT#" + YearMonth.from(at.atZone(ZoneOffset.UTC));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value == null ? "" : value);
  }
}
