package io.emporium.platform.messaging.outbox;

import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.MessagingProperties;
import java.time.Duration;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/**
 * Resolves this service's own topic ARN from its topology name. CreateTopic is idempotent and
 * returns the ARN of an existing topic; the service's IAM role allows it on its own topic only. A
 * failed lookup is not cached: the next call tries again.
 */
public final class TopicArns {

  private final Mono<String> ownTopic;

  public TopicArns(SnsAsyncClient sns, Topology topology, MessagingProperties properties) {
    String name = topology.topicName(properties.env(), properties.service());
    this.ownTopic =
        Mono.fromFuture(() -> sns.createTopic(b -> b.name(name)))
            .map(r -> r.topicArn())
            .cache(arn -> Duration.ofDays(3650), error -> Duration.ZERO, () -> Duration.ZERO);
  }

  public Mono<String> ownTopic() {
    return ownTopic;
  }
}
