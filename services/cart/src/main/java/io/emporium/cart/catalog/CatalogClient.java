package io.emporium.cart.catalog;

import io.emporium.cart.config.CartProperties;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Reads products from the catalog service: one ({@code GET /api/catalog/products/{sku}}, empty when
 * the catalog does not know the sku) or a cart's lines at once ({@code GET
 * /api/catalog/products?sku=…&sku=…}, one request). {@link CatalogUnavailableException} when it
 * cannot answer (down, slow, 5xx).
 */
@Component
public class CatalogClient {

  /** The most skus one batch read asks for (the catalog's largest page). */
  public static final int MAX_SKUS = 100;

  private static final Logger log = LoggerFactory.getLogger(CatalogClient.class);

  private final WebClient web;
  private final Duration timeout;

  CatalogClient(WebClient.Builder builder, CartProperties properties) {
    HttpClient http =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) properties.catalogConnectTimeout().toMillis())
            .responseTimeout(properties.catalogTimeout());
    this.web =
        builder
            .baseUrl(properties.catalogUrl().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
    this.timeout = properties.catalogTimeout();
  }

  /** The products the catalog knows among {@code skus} (at most 100), by sku. */
  public Mono<Map<String, Product>> products(Collection<String> skus) {
    if (skus.isEmpty()) {
      return Mono.just(Map.of());
    }
    return web.get()
        .uri(
            uri ->
                uri.path("/api/catalog/products")
                    .queryParam("size", MAX_SKUS)
                    .queryParam("sku", skus.toArray())
                    .build())
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .bodyToMono(ProductPage.class)
        .timeout(timeout)
        .map(ProductPage::bySku)
        .onErrorMap(
            e -> !(e instanceof CatalogUnavailableException),
            e -> {
              log.warn("catalog lookup of {} skus failed: {}", skus.size(), e.toString());
              return new CatalogUnavailableException(e);
            });
  }

  public Mono<Product> product(String sku) {
    return web.get()
        .uri("/api/catalog/products/{sku}", sku)
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .bodyToMono(Product.class)
        .timeout(timeout)
        .onErrorResume(
            WebClientResponseException.class,
            e ->
                e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                    ? Mono.empty()
                    : Mono.error(e))
        .onErrorMap(
            e -> !(e instanceof CatalogUnavailableException),
            e -> {
              log.warn("catalog lookup of {} failed: {}", sku, e.toString());
              return new CatalogUnavailableException(e);
            });
  }
}
