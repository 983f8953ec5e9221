package io.emporium.platform.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * A property annotated {@code @Nullable} (any package: Spring's, Jakarta's, JSpecify's) may be null
 * in the OpenAPI document (3.1, as springdoc writes it): {@code "type": [<type>, "null"]}, or for a
 * reference {@code "anyOf": [{"$ref": …}, {"type": "null"}]}.
 */
final class NullableProperties implements PropertyCustomizer {

  private static final String NULL = "null";

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Schema customize(Schema property, AnnotatedType type) {
    if (property == null || !isNullable(type.getCtxAnnotations())) {
      return property;
    }
    String ref = property.get$ref() != null ? property.get$ref() : onlyReference(property);
    if (ref != null) {
      Schema nullable = new Schema<>();
      nullable.setAnyOf(List.of(new Schema<>().$ref(ref), nullType()));
      nullable.setDescription(property.getDescription());
      return nullable;
    }
    Set<String> types = new LinkedHashSet<>();
    if (property.getTypes() != null) {
      types.addAll(property.getTypes());
    } else if (property.getType() != null) {
      types.add(property.getType());
    }
    types.add(NULL);
    property.setTypes(types);
    property.setNullable(true);
    return property;
  }

  @SuppressWarnings("rawtypes")
  private static String onlyReference(Schema property) {
    List<Schema> allOf = property.getAllOf();
    return allOf != null && allOf.size() == 1 ? allOf.getFirst().get$ref() : null;
  }

  @SuppressWarnings("rawtypes")
  private static Schema nullType() {
    Schema none = new Schema<>();
    none.setTypes(new LinkedHashSet<>(List.of(NULL)));
    return none;
  }

  private static boolean isNullable(Annotation[] annotations) {
    if (annotations == null) {
      return false;
    }
    for (Annotation annotation : annotations) {
      if (annotation.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }
}
