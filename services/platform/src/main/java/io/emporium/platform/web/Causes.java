package io.emporium.platform.web;

/** Looks through an exception's cause chain. */
final class Causes {

  private static final int MAX_DEPTH = 16;

  private Causes() {}

  static <T extends Throwable> T find(Throwable error, Class<T> type) {
    Throwable current = error;
    for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      current = current.getCause();
    }
    return null;
  }
}
