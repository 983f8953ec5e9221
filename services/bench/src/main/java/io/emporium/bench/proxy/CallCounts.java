package io.emporium.bench.proxy;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** How many requests of each {@link AwsCall} a window saw. */
public record CallCounts(Map<AwsCall, Long> counts) {

  public CallCounts {
    counts = Map.copyOf(counts);
  }

  /** What happened between {@code before} and this snapshot. */
  public CallCounts minus(CallCounts before) {
    Map<AwsCall, Long> diff = new java.util.HashMap<>();
    counts.forEach(
        (call, n) -> {
          long d = n - before.counts.getOrDefault(call, 0L);
          if (d > 0) {
            diff.put(call, d);
          }
        });
    return new CallCounts(diff);
  }

  public long total(Predicate<AwsCall> which) {
    return counts.entrySet().stream()
        .filter(e -> which.test(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Counts by API ("sqs:ReceiveMessage"), of the calls {@code which} selects, sorted by API. */
  public Map<String, Long> byApi(Predicate<AwsCall> which) {
    Map<String, Long> apis = new TreeMap<>();
    counts.forEach(
        (call, n) -> {
          if (which.test(call)) {
            apis.merge(call.api(), n, Long::sum);
          }
        });
    return apis;
  }

  /** Selects the messaging APIs: SNS and SQS. */
  public static boolean messaging(AwsCall call) {
    return call.service().equals("sns") || call.service().equals("sqs");
  }
}
