package io.emporium.edge.http;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Installs {@link HttpLayerProblems} right after the HTTP codec of every connection. */
@Configuration(proxyBeanMethods = false)
class HttpLayerConfiguration {

  @Bean
  NettyServerCustomizer emporiumHttpLayerProblems() {
    return server ->
        server.doOnChannelInit(
            (observer, channel, remote) -> {
              if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel
                    .pipeline()
                    .addAfter(
                        NettyPipeline.HttpCodec, HttpLayerProblems.NAME, new HttpLayerProblems());
              }
            });
  }
}
