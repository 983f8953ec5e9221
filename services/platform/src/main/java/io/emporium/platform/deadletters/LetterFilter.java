package io.emporium.platform.deadletters;

import io.emporium.platform.messaging.outbox.OutboxDeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which dead letters an operation names. Each non-empty criterion must hold: the event type is one
 * of {@code types}; the SQS message id or the event id is one of {@code ids}; the subject is one of
 * {@code subjects}; the message was first sent more than {@code olderThan} ago. No criterion: every
 * message. The same filter names outbox dead letters (by event id; written more than {@code
 * olderThan} ago).
 */
public record LetterFilter(
    Set<String> types, Set<String> ids, Set<String> subjects, Duration olderThan) {

  public LetterFilter {
    types = Set.copyOf(types);
    ids = Set.copyOf(ids);
    subjects = Set.copyOf(subjects);
  }

  public static LetterFilter all() {
    return new LetterFilter(Set.of(), Set.of(), Set.of(), null);
  }

  public static LetterFilter ofIds(Set<String> ids) {
    return new LetterFilter(Set.of(), ids, Set.of(), null);
  }

  public boolean isEmpty() {
    return types.isEmpty() && ids.isEmpty() && subjects.isEmpty() && olderThan == null;
  }

  boolean matches(DeadLetter letter, Instant now) {
    return (types.isEmpty() || types.contains(letter.type()))
        && (ids.isEmpty()
            || ids.contains(letter.messageId())
            || ids.contains(letter.eventId())
            || ids.contains(letter.origin()))
        && (subjects.isEmpty() || subjects.contains(letter.subject()))
        && (olderThan == null || letter.sentAt().isBefore(now.minus(olderThan)));
  }

  /** The same criteria for a dead letter of the outbox: its event id, written when. */
  boolean matches(OutboxDeadLetter letter, Instant now) {
    return (types.isEmpty() || types.contains(letter.type()))
        && (ids.isEmpty() || ids.contains(letter.eventId().toString()))
        && (subjects.isEmpty() || subjects.contains(letter.subject()))
        && (olderThan == null || letter.createdAt().isBefore(now.minus(olderThan)));
  }

  /** The filter as on-call typed it, for reports and the audit: {@code --type X --id Y}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    types.stream().sorted().forEach(t -> parts.add("--type " + t));
    ids.stream().sorted().forEach(i -> parts.add("--id " + i));
    subjects.stream().sorted().forEach(s -> parts.add("--subject " + s));
    if (olderThan != null) {
      parts.add("--older-than " + olderThan);
    }
    return parts.isEmpty() ? "(all)" : String.join(" ", parts);
  }
}
