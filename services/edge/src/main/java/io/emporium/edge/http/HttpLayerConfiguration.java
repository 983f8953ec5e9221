package io.emporium.edge.http;

import io.emporium.boundary.http.HttpLayerProblems;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs {@link HttpLayerProblems} right after the HTTP codec of every connection. */
@Configuration(proxyBeanMethods = false)
class HttpLayerConfiguration {

  @Bean
  NettyServerCustomizer emporiumHttpLayerProblems() {
    return HttpLayerProblems.installer(status -> "about:blank");
  }
}
