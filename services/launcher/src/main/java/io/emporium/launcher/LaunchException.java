package io.emporium.launcher;

/** The stack could not start; the message says why and what to do, for a person to read. */
public class LaunchException extends RuntimeException {

  public LaunchException(String message) {
    super(message);
  }

  public LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
