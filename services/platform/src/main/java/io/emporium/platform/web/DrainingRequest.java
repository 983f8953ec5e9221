package io.emporium.platform.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request whose body is read to its end even when the answer does not need it. A server that
 * answers early (413, 415, 401, 404...) and closes with body bytes unread makes the peer's TCP
 * stack reset the connection, and a proxy still sending (the edge, an ALB) then reports a 502
 * instead of the answer. So:
 *
 * <ul>
 *   <li>reading passes at most the limit on; past it the rest is read and discarded, then the read
 *       fails with {@link org.springframework.core.io.buffer.DataBufferLimitException} (413);
 *   <li>a body nobody read is discarded by {@link #drainUnread()} before the response commits.
 * </ul>
 *
 * At most the swallow size is discarded (like Tomcat's maxSwallowSize), for at most {@value
 * #DRAIN_SECONDS} s; beyond that the connection is given up.
 */
final class DrainingRequest extends ServerHttpRequestDecorator {

  private static final int DRAIN_SECONDS = 5;

  private final BodySizeLimit limit;
  private final AtomicBoolean read = new AtomicBoolean();

  DrainingRequest(ServerHttpRequest request, BodySizeLimit limit) {
    super(request);
    this.limit = limit;
  }

  @Override
  public Flux<DataBuffer> getBody() {
    return Flux.defer(
        () -> {
          read.set(true);
          return limited(super.getBody());
        });
  }

  /** Discards the body if nothing read it; completes at once otherwise. */
  Mono<Void> drainUnread() {
    if (!read.compareAndSet(false, true)) {
      return Mono.empty();
    }
    AtomicLong seen = new AtomicLong();
    return super.getBody()
        .map(DrainingRequest::release)
        .takeWhile(size -> seen.addAndGet(size) <= limit.swallowBytes())
        .then()
        .timeout(Duration.ofSeconds(DRAIN_SECONDS))
        .onErrorComplete();
  }

  private Flux<DataBuffer> limited(Flux<DataBuffer> body) {
    AtomicLong seen = new AtomicLong();
    return body.<DataBuffer>handle(
            (buffer, sink) -> {
              long total = seen.addAndGet(buffer.readableByteCount());
              if (total <= limit.bytes()) {
                sink.next(buffer);
                return;
              }
              release(buffer);
              if (total > limit.swallowBytes()) {
                sink.error(limit.exceeded());
              }
            })
        .concatWith(
            Mono.defer(
                () -> seen.get() > limit.bytes() ? Mono.error(limit.exceeded()) : Mono.empty()));
  }

  private static long release(DataBuffer buffer) {
    long size = buffer.readableByteCount();
    DataBufferUtils.release(buffer);
    return size;
  }
}
