package io.emporium.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Whether a raw URI component is well-formed percent-encoding of UTF-8 text. */
final class PercentEncoding {

  private PercentEncoding() {}

  /**
   * {@code true} for {@code caf%C3%A9}, {@code false} for a broken escape ({@code %zz}, {@code %4})
   * or bytes that are not UTF-8 ({@code %C3%28}). Characters above ASCII count as the bytes the
   * request line carried.
   */
  static boolean isUtf8(String raw) {
    if (raw == null || isPlainAscii(raw)) {
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          return false;
        }
        bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 2;
      } else if (c > 0xFF) {
        return false;
      } else {
        bytes.write(c);
      }
    }
    return decodes(bytes.toByteArray());
  }

  /** The decoded text of a component already known to be valid, for naming a query parameter. */
  static String decode(String raw) {
    return java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }

  private static boolean isPlainAscii(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' || c > 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  private static boolean decodes(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
