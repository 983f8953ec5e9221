package io.emporium.edge.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.emporium.edge.identity.CustomerTokens;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Abuse limits of the local edge (in AWS: WAF rate-based rules): cart writes and checkouts, each
 * per verified customer ({@link CustomerTokens}) and per client IP (the connection's address:
 * forwarded headers are the client's to forge), with Bucket4j token buckets held in memory. A
 * request over a limit is answered 429 problem+json with {@code Retry-After} and never reaches the
 * cart.
 */
@Component
class RateLimits implements WebFilter, Ordered {

  private final CustomerTokens tokens;
  private final Buckets cartWrites;
  private final Buckets checkouts;

  RateLimits(CustomerTokens tokens, LimitProperties limits) {
    this.tokens = tokens;
    this.cartWrites = new Buckets("cart changes", limits.cartWrites());
    this.checkouts = new Buckets("checkouts", limits.checkouts());
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Buckets buckets = limitedBy(exchange.getRequest());
    if (buckets == null) {
      return chain.filter(exchange);
    }
    String ip = clientIp(exchange.getRequest());
    return tokens
        .customer(exchange)
        .map(customer -> buckets.take(customer, ip))
        .switchIfEmpty(Mono.fromSupplier(() -> buckets.take(null, ip)))
        .flatMap(
            refusal ->
                refusal.isEmpty()
                    ? chain.filter(exchange)
                    : TooManyRequests.write(exchange, refusal.detail(), refusal.retryAfter()));
  }

  /** Cart writes (POST, PUT, DELETE under /api/cart/) and checkouts; null for anything else. */
  private Buckets limitedBy(ServerHttpRequest request) {
    String path = request.getPath().pathWithinApplication().value();
    HttpMethod method = request.getMethod();
    if (!path.startsWith("/api/cart/") || HttpMethod.GET.equals(method)) {
      return null;
    }
    if (HttpMethod.POST.equals(method) && path.equals("/api/cart/checkout")) {
      return checkouts;
    }
    boolean write =
        HttpMethod.POST.equals(method)
            || HttpMethod.PUT.equals(method)
            || HttpMethod.DELETE.equals(method)
            || HttpMethod.PATCH.equals(method);
    return write ? cartWrites : null;
  }

  private static String clientIp(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }

  /** Why a request is refused and when to try again, or {@link #NONE}. */
  record Refusal(String detail, Duration retryAfter) {
    static final Refusal NONE = new Refusal(null, Duration.ZERO);

    boolean isEmpty() {
      return detail == null;
    }
  }

  /** The buckets of one kind of request, per customer and per IP, forgotten when idle. */
  private static final class Buckets {

    private final String what;
    private final Cache<String, Bucket> perCustomer;
    private final Cache<String, Bucket> perIp;
    private final Function<String, Bucket> newCustomerBucket;
    private final Function<String, Bucket> newIpBucket;

    Buckets(String what, LimitProperties.Pair limits) {
      this.what = what;
      this.perCustomer = cache(limits.perCustomer());
      this.perIp = cache(limits.perIp());
      this.newCustomerBucket = key -> bucket(limits.perCustomer());
      this.newIpBucket = key -> bucket(limits.perIp());
    }

    /**
     * Takes one token from the customer's bucket (when known), then from the IP's; a token taken
     * from the first is given back when the second refuses.
     */
    Refusal take(String customer, String ip) {
      Bucket customerBucket =
          customer == null ? null : perCustomer.get(customer, newCustomerBucket);
      if (customerBucket != null) {
        ConsumptionProbe probe = customerBucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
          return refusal("Too many " + what + " for this account", probe);
        }
      }
      ConsumptionProbe probe = perIp.get(ip, newIpBucket).tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        if (customerBucket != null) {
          customerBucket.addTokens(1);
        }
        return refusal("Too many " + what + " from this address", probe);
      }
      return Refusal.NONE;
    }

    private static Refusal refusal(String why, ConsumptionProbe probe) {
      Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
      return new Refusal(why, wait);
    }

    private static Bucket bucket(LimitProperties.Limit limit) {
      return Bucket.builder()
          .addLimit(
              Bandwidth.builder()
                  .capacity(limit.capacity())
                  .refillGreedy(limit.capacity(), limit.period())
                  .build())
          .build();
    }

    private static Cache<String, Bucket> cache(LimitProperties.Limit limit) {
      return Caffeine.newBuilder()
          .expireAfterAccess(limit.period().multipliedBy(2))
          .maximumSize(100_000)
          .build();
    }
  }
}
