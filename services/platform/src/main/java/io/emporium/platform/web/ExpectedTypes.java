package io.emporium.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Describes a Java type the way a JSON client thinks of it: "an integer", "one of [A, B]". */
final class ExpectedTypes {

  private static final Set<Class<?>> INTEGERS =
      Set.of(
          int.class,
          Integer.class,
          long.class,
          Long.class,
          short.class,
          Short.class,
          byte.class,
          Byte.class,
          BigInteger.class);
  private static final Set<Class<?>> DECIMALS =
      Set.of(float.class, Float.class, double.class, Double.class, BigDecimal.class);

  private ExpectedTypes() {}

  static String describe(Class<?> type) {
    if (type == null) {
      return "a different value";
    }
    if (INTEGERS.contains(type)) {
      return "an integer";
    }
    if (DECIMALS.contains(type) || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (CharSequence.class.isAssignableFrom(type)
        || type == char.class
        || type == Character.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    return describeStructured(type);
  }

  private static String describeStructured(Class<?> type) {
    if (type == UUID.class) {
      return "a UUID";
    }
    if (TemporalAccessor.class.isAssignableFrom(type)) {
      return "an ISO-8601 date/time";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
      return "an object";
    }
    return "a value of another type";
  }
}
