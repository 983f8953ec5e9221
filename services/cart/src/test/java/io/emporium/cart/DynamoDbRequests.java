package io.emporium.cart;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every request the service's DynamoDB client sends: operation and table ({@code
 * TransactWriteItems} has none). Registered through an {@code AwsClientCustomizer}.
 */
public final class DynamoDbRequests implements ExecutionInterceptor {

  public record Request(String operation, String table) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String table = context.request().getValueForField("TableName", String.class).orElse(null);
    requests.add(new Request(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), table));
  }

  public void reset() {
    requests.clear();
  }

  /** The requests that touched {@code table} or were transactions, in order. */
  public List<Request> on(String table) {
    return requests.stream().filter(r -> table.equals(r.table()) || r.table() == null).toList();
  }
}
