package io.emporium.platform.messaging.r2dbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the SNS requests the SDK actually sends, by operation. */
final class SnsRequestCounter implements ExecutionInterceptor {

  private final Map<String, AtomicInteger> byOperation = new ConcurrentHashMap<>();

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    byOperation.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
  }

  int total() {
    return byOperation.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  Map<String, AtomicInteger> byOperation() {
    return byOperation;
  }

  void reset() {
    byOperation.clear();
  }
}
