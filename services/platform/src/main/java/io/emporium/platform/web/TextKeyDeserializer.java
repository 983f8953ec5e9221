package io.emporium.platform.web;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;

/** Names of a JSON object bound to a {@code Map<String, …>}: single-line text. */
final class TextKeyDeserializer extends KeyDeserializer {

  @Override
  public Object deserializeKey(String key, DeserializationContext ctxt) {
    TextRules.check(key, TextRules.Kind.LINE);
    return key;
  }
}
