package io.emporium.platform.web;

import org.springframework.util.unit.DataSize;

/** The largest request body a service accepts, applied by the codecs and by a WebFilter. */
record BodySizeLimit(DataSize max) {

  static final DataSize DEFAULT = DataSize.ofKilobytes(256);

  long bytes() {
    return max.toBytes();
  }

  String exceededDetail() {
    return "Request body exceeds the limit of " + bytes() + " bytes";
  }
}
