package io.emporium.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Runs a CloudFront Function's code (cloudfront-js-2.0, plain ECMAScript here) in Node with one
 * viewer event and returns what its {@code handler} gives back: what CloudFront would forward.
 */
final class CloudFrontFunction {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String RUNNER =
      """
      const [code, event] = process.argv.slice(1);
      const handler = new Function(code + '\\nreturn handler;')();
      process.stdout.write(JSON.stringify(handler(JSON.parse(event))));
      """;

  private CloudFrontFunction() {}

  static JsonNode run(String code, String event) throws IOException, InterruptedException {
    Process node =
        new ProcessBuilder("node", "-e", RUNNER, code, event).redirectErrorStream(true).start();
    byte[] out = node.getInputStream().readAllBytes();
    if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
      throw new AssertionError("node failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return JSON.readTree(out);
  }
}
