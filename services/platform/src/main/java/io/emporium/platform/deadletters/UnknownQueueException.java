package io.emporium.platform.deadletters;

/** The queue named does not exist at the endpoint (or is not a DLQ with a source queue). */
public final class UnknownQueueException extends RuntimeException {

  public UnknownQueueException(String message) {
    super(message);
  }
}
