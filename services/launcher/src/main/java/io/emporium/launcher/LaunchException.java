package io.emporium.launcher;

/** The stack could not start; the message says why and what to do, for a person to read. */
public class LaunchException extends RuntimeException {

  public LaunchException(String message) {
    super(message);
  }

  public LaunchException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A port the stack needs is taken: the usual sign of a second {@code ./emporium up}. */
  static LaunchException portTaken(int port, String component) {
    return new LaunchException(
        "port "
            + port
            + " ("
            + component
            + ") is taken: is ./emporium up already running? (./emporium status, ./emporium down)");
  }
}
