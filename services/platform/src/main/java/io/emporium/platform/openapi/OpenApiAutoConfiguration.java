package io.emporium.platform.openapi;

import io.emporium.boundary.identity.CustomerId;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The conventions every service's OpenAPI document follows, for a client generated from it or
 * reading it: answer fields are always present ({@code required}), and those that may be null say
 * so ({@code nullable}); a {@link CustomerId} argument is the token's subject, not a parameter a
 * client sends, so it is no query parameter of any operation.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
public class OpenApiAutoConfiguration {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CustomerId.class);
  }

  @Bean
  NullableProperties emporiumNullableProperties() {
    return new NullableProperties();
  }

  @Bean
  AnswerFieldsRequired emporiumAnswerFieldsRequired() {
    return new AnswerFieldsRequired();
  }
}
