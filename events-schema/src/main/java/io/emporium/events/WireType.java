package io.emporium.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wire type of an event record, {@code <producer>.<EventName>.v<major>}: the envelope's {@code
 * type} and the SNS message attribute that filter policies match.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WireType {
  String value();
}
