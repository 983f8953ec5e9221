package io.emporium.platform.web;

import com.fasterxml.jackson.databind.Module;
import io.emporium.boundary.http.HttpLayerProblems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.reactive.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.util.unit.DataSize;

/**
 * Every WebFlux service's error contract and input policy: RFC 9457 problem+json for every error
 * (controller advice + error WebExceptionHandler sharing one renderer); a request body limit
 * enforced on Content-Length and by the codecs, with unread bodies discarded before answering; and
 * one rule for text and JSON from outside ({@link TextRules}, {@link StrictJson}, {@link
 * RequestEncodingFilter}, {@link TextParameterAdvice}).
 */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(PlatformWebProperties.class)
public class PlatformWebAutoConfiguration {

  @Bean
  BodySizeLimit emporiumBodySizeLimit(PlatformWebProperties properties, Environment environment) {
    DataSize swallow =
        properties.maxSwallowSize() != null
            ? properties.maxSwallowSize()
            : BodySizeLimit.DEFAULT_SWALLOW;
    if (properties.maxBodySize() != null) {
      return new BodySizeLimit(properties.maxBodySize(), swallow);
    }
    Binder binder = Binder.get(environment);
    DataSize codecs =
        binder
            .bind("spring.http.codecs.max-in-memory-size", DataSize.class)
            .orElseGet(
                () ->
                    binder
                        .bind("spring.codec.max-in-memory-size", DataSize.class)
                        .orElse(BodySizeLimit.DEFAULT));
    return new BodySizeLimit(codecs, swallow);
  }

  @Bean
  @ConditionalOnMissingBean
  TraceIdResolver emporiumTraceIdResolver() {
    return new TraceparentTraceIdResolver();
  }

  @Bean
  ProblemRenderer emporiumProblemRenderer(BodySizeLimit limit, TraceIdResolver traceIds) {
    return new ProblemRenderer(new ProblemClassifier(limit), traceIds);
  }

  @Bean
  ProblemAdvice emporiumProblemAdvice(ProblemRenderer renderer) {
    return new ProblemAdvice(renderer);
  }

  @Bean
  ProblemErrorWebExceptionHandler emporiumErrorWebExceptionHandler(
      ProblemRenderer renderer, ServerCodecConfigurer codecs) {
    return new ProblemErrorWebExceptionHandler(renderer, codecs);
  }

  @Bean
  BodySizeLimitFilter emporiumBodySizeLimitFilter(BodySizeLimit limit) {
    return new BodySizeLimitFilter(limit);
  }

  @Bean
  BodySizeCodecCustomizer emporiumBodySizeCodecCustomizer(BodySizeLimit limit) {
    return new BodySizeCodecCustomizer(limit);
  }

  @Bean
  RejectedExchangeProblems emporiumRejectedExchangeProblems(
      ProblemErrorWebExceptionHandler problems) {
    return new RejectedExchangeProblems(problems);
  }

  /**
   * The HTTP layer's own refusals (414, 431, a broken escape) as problems of the platform's types.
   */
  @Bean
  NettyServerCustomizer emporiumHttpLayerProblems() {
    return HttpLayerProblems.installer(
        status -> ProblemType.forStatus(HttpStatusCode.valueOf(status)).uri().toString());
  }

  @Bean
  RequestEncodingFilter emporiumRequestEncodingFilter() {
    return new RequestEncodingFilter();
  }

  @Bean
  TextParameterAdvice emporiumTextParameterAdvice() {
    return new TextParameterAdvice();
  }

  @Bean
  Module emporiumTextRulesModule() {
    return StrictJson.textModule();
  }

  @Bean
  StrictJson emporiumStrictJson() {
    return new StrictJson();
  }
}
