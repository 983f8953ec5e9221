package io.emporium.e2e;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What a hostile client sends, as jqwik arbitraries: control characters, lone surrogates and
 * invalid encodings, huge, negative and fractional numbers, values of the wrong type, deep nesting,
 * oversized text. Known nasties are mixed with generated ones (any UTF-16 code unit, any integer
 * size), and every sample comes from a seeded {@link Random}, so a run is repeatable from its seed.
 */
final class HostileValues {

  private static final int GEN_SIZE = 1000;

  private HostileValues() {}

  static <T> T sample(Arbitrary<T> arbitrary, Random random) {
    return arbitrary.generator(GEN_SIZE).next(random).value();
  }

  /** A JSON value, written as JSON text (so {@code "\ud800"} can be said), for a body field. */
  static Arbitrary<String> jsonValue() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, hostileStrings().map(HostileValues::jsonString)),
        Tuple.of(3, anyText().map(HostileValues::jsonString)),
        Tuple.of(3, numbers()),
        Tuple.of(2, wrongTypes()),
        Tuple.of(1, nesting()));
  }

  /** A path segment or query value, percent-encoded as it goes on the request line. */
  static Arbitrary<String> encodedText() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, brokenEncodings()),
        Tuple.of(3, hostileStrings().map(HostileValues::percentEncoded)),
        Tuple.of(2, anyText().map(HostileValues::percentEncoded)),
        Tuple.of(2, numbers().map(HostileValues::percentEncoded)));
  }

  /** A header value (bytes above ASCII as Latin-1, as HTTP/1.1 carries them). */
  static Arbitrary<String> headerValue() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "*", "W/\"1\"", "\"-1\"", "\"99999999999999999999\"", "1.5", "ÿÿÿ"),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(300),
        Arbitraries.strings().withCharRange('\u00a0', '\u00ff').ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().withChars('x').ofLength(9000));
  }

  static Arbitrary<String> hostileStrings() {
    return Arbitraries.of(
        "\u0000",
        "a\u0000b",
        "\u0007",
        "\u001b[31m",
        "\u007f",
        "\u0085",
        "\u2028",
        "\ud800",
        "\udfff",
        "line\nbreak",
        "tab\there",
        "\r\n\r\nInjected: header",
        "",
        " ",
        "\ufeff",
        "\u202eevil",
        "💥🛒",
        "%00",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "${jndi:ldap://127.0.0.1/x}",
        "x".repeat(5000),
        "ü".repeat(70_000));
  }

  /** Any UTF-16 code unit, lone surrogates and controls included. */
  static Arbitrary<String> anyText() {
    return Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMinLength(1).ofMaxLength(40);
  }

  static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "0",
            "-1",
            "-0",
            "1.5",
            "2.0",
            "1e3",
            "1e309",
            "-1e309",
            "0.0000001",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "99999999999999999999999999999999999999"),
        Arbitraries.bigIntegers()
            .between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
            .map(BigInteger::toString),
        Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "1e999"));
  }

  static Arbitrary<String> wrongTypes() {
    return Arbitraries.of(
        "true", "false", "null", "[]", "{}", "[1]", "{\"a\":1}", "\"1\"", "\"true\"", "[null]");
  }

  static Arbitrary<String> nesting() {
    return Combinators.combine(Arbitraries.integers().between(20, 400), Arbitraries.of(true, false))
        .as((depth, arrays) -> arrays ? "[".repeat(depth) + "]".repeat(depth) : object(depth));
  }

  static Arbitrary<String> brokenEncodings() {
    return Arbitraries.of(
        "%",
        "%4",
        "%zz",
        "%C3%28",
        "%ED%A0%80",
        "%C0%80",
        "%FF%FE",
        "%F0%9F%92",
        "%E2%82",
        "a%00b",
        "%0A%0D",
        "%25",
        "..%2F..%2Fetc",
        "%2e%2e",
        "a".repeat(6000));
  }

  /** A JSON string literal, every non-ASCII or control character escaped (\\uXXXX). */
  static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  /** UTF-8 percent-encoding; a lone surrogate becomes the bytes of '?' as Java encodes it. */
  static String percentEncoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String object(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  /** Whole-body mutations of a valid JSON body. */
  static Arbitrary<byte[]> wholeBody(String valid) {
    return Arbitraries.of(
        List.<byte[]>of(
            new byte[0],
            "{".getBytes(StandardCharsets.US_ASCII),
            "null".getBytes(StandardCharsets.US_ASCII),
            "[]".getBytes(StandardCharsets.US_ASCII),
            "42".getBytes(StandardCharsets.US_ASCII),
            "\"text\"".getBytes(StandardCharsets.US_ASCII),
            (valid + valid).getBytes(StandardCharsets.UTF_8),
            (valid + " trailing").getBytes(StandardCharsets.UTF_8),
            withInvalidUtf8(),
            new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
            ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.US_ASCII),
            ("{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII),
            ("{\"pad\":\"" + "y".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII)));
  }

  /** A body whose first string holds bytes that are not UTF-8 (0xC3 0x28). */
  private static byte[] withInvalidUtf8() {
    return new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
  }
}
