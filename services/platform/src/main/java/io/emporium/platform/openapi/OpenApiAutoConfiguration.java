package io.emporium.platform.openapi;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The conventions every service's OpenAPI document follows, for a client generated from it or
 * reading it: answer fields are always present ({@code required}), and those that may be null say
 * so ({@code nullable}).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
public class OpenApiAutoConfiguration {

  @Bean
  NullableProperties emporiumNullableProperties() {
    return new NullableProperties();
  }

  @Bean
  AnswerFieldsRequired emporiumAnswerFieldsRequired() {
    return new AnswerFieldsRequired();
  }
}
