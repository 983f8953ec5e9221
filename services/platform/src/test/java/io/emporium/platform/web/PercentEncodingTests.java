package io.emporium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Raw components as the request line carried them: characters above ASCII stand for bytes. */
class PercentEncodingTests {

  @ParameterizedTest
  @ValueSource(
      strings = {"", "/api/cart", "caf%C3%A9", "%F0%9F%99%82", "a+b%20c", "%00", "caf\u00c3\u00a9"})
  void acceptsWellFormedUtf8(String raw) {
    assertThat(PercentEncoding.isUtf8(raw)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%",
        "%4",
        "%zz",
        "%C3%28",
        "%C3",
        "%ED%A0%80",
        "%C0%80",
        "%FF",
        "\u00c3(",
        "caf\u00e9"
      })
  void refusesBrokenEscapesAndBytesThatAreNotUtf8(String raw) {
    assertThat(PercentEncoding.isUtf8(raw)).isFalse();
  }
}
