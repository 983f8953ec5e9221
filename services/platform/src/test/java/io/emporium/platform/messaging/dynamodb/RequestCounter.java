package io.emporium.platform.messaging.dynamodb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records the operation name of every request an AWS SDK client sends. */
final class RequestCounter implements ExecutionInterceptor {

  private final List<String> operations = new CopyOnWriteArrayList<>();

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  List<String> operations() {
    return List.copyOf(operations);
  }

  long count(String operation) {
    return operations.stream().filter(operation::equals).count();
  }
}
