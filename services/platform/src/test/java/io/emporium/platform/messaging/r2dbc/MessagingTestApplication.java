package io.emporium.platform.messaging.r2dbc;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.cart.CartEvent;
import io.emporium.platform.messaging.inbox.Effect;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/** A service named "order" in the topology: it publishes order events and consumes cart's. */
@SpringBootApplication
class MessagingTestApplication {

  @Bean
  SnsRequestCounter snsRequestCounter() {
    return new SnsRequestCounter();
  }

  @Bean
  SnsAsyncClient snsAsyncClient(AwsClientBuilderConfigurer configurer, SnsRequestCounter counter) {
    return configurer
        .configure(SnsAsyncClient.builder())
        .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
        .build();
  }

  @Bean
  CartEventsListener cartEventsListener(InboundEvents inbound, DatabaseClient db) {
    return new CartEventsListener(inbound, db);
  }

  /** Records a row per checkout; checkouts whose id starts with "fail" always throw. */
  static class CartEventsListener {

    final Map<String, List<Instant>> attempts = new ConcurrentHashMap<>();
    private final InboundEvents inbound;
    private final DatabaseClient db;

    CartEventsListener(InboundEvents inbound, DatabaseClient db) {
      this.inbound = inbound;
      this.db = db;
    }

    @SqsListener("#{@eventQueues.from('cart')}")
    CompletableFuture<Void> on(Message<String> message) {
      return inbound.handle(
          message,
          CartEvent.class,
          event ->
              switch (event) {
                case CartCheckedOut checkout -> Effect.once(Mono.defer(() -> apply(checkout)));
              });
    }

    private Mono<Void> apply(CartCheckedOut checkout) {
      String checkoutId = checkout.checkoutId();
      attempts.computeIfAbsent(checkoutId, k -> new CopyOnWriteArrayList<>()).add(Instant.now());
      if (checkoutId.startsWith("fail")) {
        return Mono.error(new IllegalStateException("simulated handler failure"));
      }
      return db.sql("INSERT INTO test_effects (checkout_id) VALUES (:id)")
          .bind("id", checkoutId)
          .then();
    }
  }
}
