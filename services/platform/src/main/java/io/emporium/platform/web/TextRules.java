package io.emporium.platform.web;

/**
 * The platform's rule for text that comes from outside (JSON strings and names, path, query and
 * header values): no control characters (C0, DEL, C1) and valid Unicode (no lone surrogate, which
 * has no UTF-8 form). Free text ({@link FreeText}) may also hold tabs and line breaks; NUL is
 * refused everywhere.
 */
final class TextRules {

  static final String CONTROL = "must not contain control characters";
  static final String UNICODE = "must be valid Unicode text";

  /** Single-line text (names, ids, address lines) or free text (descriptions, notes). */
  enum Kind {
    LINE,
    FREE
  }

  private TextRules() {}

  /** Why {@code text} is refused, or {@code null} when it is acceptable. */
  static String violation(CharSequence text, Kind kind) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return UNICODE;
      } else if (isControl(c) && !(kind == Kind.FREE && isLayout(c))) {
        return CONTROL;
      }
    }
    return null;
  }

  /** Throws {@link TextRejectedException} when {@code text} is refused. */
  static void check(CharSequence text, Kind kind) {
    String violation = violation(text, kind);
    if (violation != null) {
      throw new TextRejectedException(violation);
    }
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }

  private static boolean isLayout(char c) {
    return c == '\t' || c == '\n' || c == '\r';
  }
}
