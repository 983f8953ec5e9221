package io.emporium.platform.web;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body a service accepts ({@code max}), applied by the codecs and by a
 * WebFilter, and how much of a refused or unread body it still reads and discards before answering
 * ({@code swallow}), so the client — or the proxy relaying its request — is not reset while sending
 * and gets the answer.
 */
record BodySizeLimit(DataSize max, DataSize swallow) {

  static final DataSize DEFAULT = DataSize.ofKilobytes(256);
  static final DataSize DEFAULT_SWALLOW = DataSize.ofMegabytes(8);

  BodySizeLimit(DataSize max) {
    this(max, DEFAULT_SWALLOW);
  }

  long bytes() {
    return max.toBytes();
  }

  long swallowBytes() {
    return Math.max(swallow.toBytes(), bytes());
  }

  String exceededDetail() {
    return "Request body exceeds the limit of " + bytes() + " bytes";
  }

  DataBufferLimitException exceeded() {
    return new DataBufferLimitException(exceededDetail());
  }
}
