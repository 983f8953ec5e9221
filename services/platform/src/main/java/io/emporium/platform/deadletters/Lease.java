package io.emporium.platform.deadletters;

import java.time.Instant;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A message a {@link SnapshotPass} holds: its latest receipt handle and until when it stays
 * invisible.
 */
final class Lease {
  private final DeadLetter letter;
  private final Message message;
  private String receiptHandle;
  private Instant until;

  Lease(Message message, Instant until) {
    this.message = message;
    this.letter = DeadLetter.of(message);
    this.receiptHandle = message.receiptHandle();
    this.until = until;
  }

  DeadLetter letter() {
    return letter;
  }

  Message message() {
    return message;
  }

  String receiptHandle() {
    return receiptHandle;
  }

  Instant until() {
    return until;
  }

  void renew(String handle, Instant newUntil) {
    this.receiptHandle = handle;
    this.until = newUntil;
  }
}
