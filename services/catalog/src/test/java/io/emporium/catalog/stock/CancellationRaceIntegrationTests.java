package io.emporium.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emporium.catalog.CatalogClient;
import io.emporium.catalog.CatalogIntegrationTest;
import io.emporium.events.StockLine;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Sinks;

/**
 * OrderPlaced and OrderCancelled of one order handled at the same moment (listeners take messages
 * in parallel; a backlog past the saga deadline or a DLQ replay delivers both together): whatever
 * the interleaving, the reservation must not stay HELD.
 */
class CancellationRaceIntegrationTests extends CatalogIntegrationTest {

  @Autowired Reservations reservations;
  @Autowired ReactiveTransactionManager transactionManager;
  @Autowired DatabaseClient db;
  @Autowired WebTestClient web;

  @Test
  void cancellationWhileThePlacementIsUncommittedReleasesTheReservation() throws Exception {
    CatalogClient catalog = new CatalogClient(web);
    catalog.createProduct("RACE-1", "Raced", "r", 10);
    String orderId = UUID.randomUUID().toString();
    TransactionalOperator transactions = TransactionalOperator.create(transactionManager);
    CountDownLatch reserved = new CountDownLatch(1);
    Sinks.Empty<Void> commitPlacement = Sinks.empty();

    // OrderPlaced: the HELD reservation is written but its transaction stays open.
    CompletableFuture<Void> placement =
        transactions
            .transactional(
                reservations
                    .reserve(orderId, List.of(new StockLine("RACE-1", 4)))
                    .doOnSuccess(done -> reserved.countDown())
                    .then(commitPlacement.asMono()))
            .toFuture();
    assertThat(reserved.await(20, TimeUnit.SECONDS)).isTrue();

    // OrderCancelled meanwhile: it gets as far as waiting on the placement's row lock.
    CompletableFuture<Void> cancellation =
        transactions.transactional(reservations.release(orderId)).toFuture();
    await().atMost(Duration.ofSeconds(20)).until(this::someoneWaitsForALock);

    commitPlacement.tryEmitEmpty();
    placement.get(20, TimeUnit.SECONDS);
    cancellation.get(20, TimeUnit.SECONDS);

    assertThat(status(orderId)).isEqualTo("RELEASED");
    assertThat(catalog.stock("RACE-1")).isEqualTo(CatalogClient.level(10, 0));
  }

  private boolean someoneWaitsForALock() {
    return Boolean.TRUE.equals(
        db.sql(
                "SELECT count(*) > 0 AS waiting FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'")
            .map(row -> row.get("waiting", Boolean.class))
            .one()
            .block());
  }

  private String status(String orderId) {
    return db.sql("SELECT status FROM reservations WHERE order_id = :id")
        .bind("id", orderId)
        .map(row -> row.get("status", String.class))
        .one()
        .block();
  }
}
