package io.emporium.launcher.dlq;

/**
 * What {@code ./emporium dlq} exits with (docs/runbooks/dlq-not-empty.md lists them for on-call).
 */
final class ExitCodes {

  /** Done: everything asked for happened. */
  static final int OK = 0;

  /** An unexpected error (its message is printed). */
  static final int ERROR = 1;

  /** The command line is wrong (picocli's usage error). */
  static final int USAGE = 2;

  /** No such queue at the endpoint. */
  static final int UNKNOWN_QUEUE = 3;

  /** The AWS endpoint (or the admin API) cannot be reached. */
  static final int UNREACHABLE = 4;

  /** No credentials, or they were refused. */
  static final int CREDENTIALS = 5;

  /**
   * The replay ended but not everything moved for good: messages failed again, could not be moved,
   * or the purge did not find every id.
   */
  static final int INCOMPLETE = 6;

  /** A purge without --yes-i-am-sure: nothing was deleted. */
  static final int NOT_CONFIRMED = 7;

  private ExitCodes() {}
}
