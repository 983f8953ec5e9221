package io.emporium.platform.messaging.inbox;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * How every listener container finds its queue when it starts. It never creates one: queues come
 * from topology.yaml with their DLQ and redrive policy (Terraform in AWS, the launcher locally),
 * and a queue Spring Cloud AWS created on its own would have neither, so a missing queue fails the
 * start naming it. And it waits for an AWS endpoint that is slow or unreachable instead of failing
 * the start ({@link PatientQueueLookups}): the service comes up, not ready, and its listeners start
 * once the endpoint answers.
 */
final class QueueResolution implements BeanPostProcessor {

  private final ObjectProvider<SqsAsyncClient> client;

  QueueResolution(ObjectProvider<SqsAsyncClient> client) {
    this.client = client;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof SqsMessageListenerContainerFactory<?> factory) {
      factory.configure(options -> options.queueNotFoundStrategy(QueueNotFoundStrategy.FAIL));
      SqsAsyncClient sqs = client.getIfAvailable();
      if (sqs != null) {
        factory.setSqsAsyncClient(PatientQueueLookups.around(sqs));
      }
    }
    return bean;
  }
}
