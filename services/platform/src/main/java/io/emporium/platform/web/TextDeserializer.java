package io.emporium.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Every JSON string bound to a {@code String}: only a JSON string is accepted (no number or boolean
 * turned into text), and it must pass the {@link TextRules} — single-line unless the property is
 * {@link FreeText}.
 */
final class TextDeserializer extends StdScalarDeserializer<String>
    implements ContextualDeserializer {

  static final TextDeserializer LINE = new TextDeserializer(TextRules.Kind.LINE);
  private static final TextDeserializer FREE = new TextDeserializer(TextRules.Kind.FREE);

  private final TextRules.Kind kind;

  private TextDeserializer(TextRules.Kind kind) {
    super(String.class);
    this.kind = kind;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
    return property != null && property.getAnnotation(FreeText.class) != null ? FREE : LINE;
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return (String) ctxt.handleUnexpectedToken(String.class, parser);
    }
    String text = parser.getText();
    TextRules.check(text, kind);
    return text;
  }
}
