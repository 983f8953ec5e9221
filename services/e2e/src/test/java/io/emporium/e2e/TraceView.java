package io.emporium.e2e;

import io.emporium.e2e.OtlpReceiver.ReceivedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One trace's spans, with the questions the trace test asks of them. */
record TraceView(List<ReceivedSpan> spans) {

  /** The outbox append span of an event type (the platform's OutboxSpans). */
  ReceivedSpan append(String type) {
    return only("outbox append " + type, s -> s.name().equals("outbox append " + type));
  }

  /** The SNS publish span of an event type, a PRODUCER span of the platform's relay. */
  ReceivedSpan publish(String type) {
    return only(
        "publish " + type,
        s -> s.kind().equals("PRODUCER") && type.equals(s.attribute("emporium.event.type")));
  }

  /**
   * The CONSUMER span in which {@code service} received the event {@code published} (its child
   * there; the SQS DeleteMessageBatch that acknowledges it is a child too, a CLIENT span).
   */
  ReceivedSpan consumed(String service, ReceivedSpan published) {
    return only(
        service + " consuming " + published.attribute("emporium.event.type"),
        s ->
            service.equals(s.service())
                && s.kind().equals("CONSUMER")
                && s.parentSpanId().equals(published.spanId()));
  }

  Optional<ReceivedSpan> parentOf(ReceivedSpan span) {
    return spans.stream().filter(s -> s.spanId().equals(span.parentSpanId())).findFirst();
  }

  /** True when {@code ancestor} is {@code span} or one of its ancestors. */
  boolean descends(ReceivedSpan span, ReceivedSpan ancestor) {
    for (ReceivedSpan s = span; s != null; s = parentOf(s).orElse(null)) {
      if (s.spanId().equals(ancestor.spanId())) {
        return true;
      }
    }
    return false;
  }

  List<ReceivedSpan> in(String service, java.util.function.Predicate<ReceivedSpan> filter) {
    return spans.stream().filter(s -> service.equals(s.service())).filter(filter).toList();
  }

  private ReceivedSpan only(String what, java.util.function.Predicate<ReceivedSpan> filter) {
    List<ReceivedSpan> found = spans.stream().filter(filter).toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one span for " + what + ", found " + found.size() + " in:\n" + this);
    }
    return found.getFirst();
  }

  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    spans.stream()
        .sorted(Comparator.comparingLong(ReceivedSpan::startNanos))
        .forEach(
            s ->
                lines.add(
                    String.join(
                        " | ",
                        s.service(),
                        s.kind(),
                        s.name(),
                        s.spanId(),
                        s.parentSpanId(),
                        s.attributes().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")))));
    return String.join("\n", lines);
  }
}
