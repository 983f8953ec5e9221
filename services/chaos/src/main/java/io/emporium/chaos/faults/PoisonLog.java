package io.emporium.chaos.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** The poison messages a phase injected, by marker, and how long they took to reach the DLQs. */
public final class PoisonLog {

  private final List<Poison> injected = new CopyOnWriteArrayList<>();
  private final Map<String, Duration> reachedDlq = new ConcurrentHashMap<>();

  /** One injected message: its queue's DLQ, its kind and the marker its body carries. */
  public record Poison(String queue, String dlq, String kind, UUID marker, Instant at) {}

  void add(Poison poison) {
    injected.add(poison);
  }

  void reachedDlq(String dlq, Duration after) {
    reachedDlq.put(dlq, after);
  }

  public List<Poison> injected() {
    return List.copyOf(injected);
  }

  /** The poison a DLQ message body carries, if any. */
  public Poison find(String body) {
    return injected.stream()
        .filter(p -> body.contains(p.marker().toString()))
        .findFirst()
        .orElse(null);
  }

  public Map<String, Long> expectedPerDlq() {
    return injected.stream().collect(Collectors.groupingBy(Poison::dlq, Collectors.counting()));
  }

  /**
   * The slowest DLQ to receive all of its poison; null when none was injected or some never did.
   */
  public Duration slowestToDlq() {
    if (injected.isEmpty() || reachedDlq.size() < expectedPerDlq().size()) {
      return null;
    }
    return reachedDlq.values().stream().max(Duration::compareTo).orElse(null);
  }
}
