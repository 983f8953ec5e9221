package io.emporium.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * How every service binds JSON: strings through the {@link TextRules}; numbers, booleans and
 * strings never coerced into one another (1.5 is not an int, "2" is not a number, 12 is not a
 * string, 1 is not true); null never a primitive; no duplicate field, nothing after the value, at
 * most {@value #MAX_NESTING} levels of nesting. Applied to the ObjectMapper Spring Boot builds, so
 * request bodies, WebClient responses and anything else using it follow the same rules.
 */
final class StrictJson implements Jackson2ObjectMapperBuilderCustomizer {

  static final int MAX_NESTING = 32;

  /** The deserializers of the text rules, registered with the mapper as a module bean. */
  static Module textModule() {
    SimpleModule module = new SimpleModule("emporium-text-rules");
    module.addDeserializer(String.class, TextDeserializer.LINE);
    module.addKeyDeserializer(String.class, new TextKeyDeserializer());
    module.addDeserializer(Object.class, new UntypedTextDeserializer());
    return module;
  }

  @Override
  public void customize(Jackson2ObjectMapperBuilder builder) {
    builder.featuresToEnable(
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    builder.featuresToDisable(
        DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS);
    builder.postConfigurer(StrictJson::refuseCoercions);
  }

  private static void refuseCoercions(ObjectMapper mapper) {
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
  }
}
