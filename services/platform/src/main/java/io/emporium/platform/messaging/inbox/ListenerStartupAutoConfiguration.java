package io.emporium.platform.messaging.inbox;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Listener containers that never create a queue and wait out an unreachable AWS endpoint. */
@AutoConfiguration
@ConditionalOnClass(SqsMessageListenerContainerFactory.class)
public class ListenerStartupAutoConfiguration {

  @Bean
  static QueueResolution queueResolution(ObjectProvider<SqsAsyncClient> client) {
    return new QueueResolution(client);
  }
}
