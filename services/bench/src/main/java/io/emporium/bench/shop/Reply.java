package io.emporium.bench.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** An HTTP answer: status and body. */
public record Reply(int status, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON (" + status + "): " + text(), e);
    }
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
