package io.emporium.platform.web;

/**
 * Text the {@link TextRules} refuse. Thrown where text is bound (a JSON value, a path, query or
 * header value) and rendered as a 400 naming the field it was bound to.
 */
final class TextRejectedException extends IllegalArgumentException {

  TextRejectedException(String reason) {
    super(reason);
  }

  String reason() {
    return getMessage();
  }
}
