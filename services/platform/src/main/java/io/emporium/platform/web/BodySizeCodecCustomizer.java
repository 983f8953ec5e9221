package io.emporium.platform.web;

import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.codec.CodecConfigurer;

/**
 * Bounds what the codecs buffer (JSON bodies, strings, forms) by the body size limit, so that a
 * chunked body over the limit fails with DataBufferLimitException (rendered as 413). Runs after
 * Boot's own codec customizer.
 */
final class BodySizeCodecCustomizer implements CodecCustomizer, Ordered {

  private final BodySizeLimit limit;

  BodySizeCodecCustomizer(BodySizeLimit limit) {
    this.limit = limit;
  }

  @Override
  public void customize(CodecConfigurer configurer) {
    configurer.defaultCodecs().maxInMemorySize(Math.toIntExact(limit.bytes()));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
