package io.emporium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Limit 100 bytes, swallow 1000 bytes; bodies come in 10-byte buffers. */
class BodySizeLimitFilterTests {

  private final BodySizeLimitFilter filter =
      new BodySizeLimitFilter(new BodySizeLimit(DataSize.ofBytes(100), DataSize.ofBytes(1000)));

  private final AtomicInteger buffersSent = new AtomicInteger();
  private final AtomicBoolean chainCalled = new AtomicBoolean();

  private MockServerWebExchange exchange(int bodyBytes, boolean declared) {
    Flux<DataBuffer> body =
        Flux.range(0, bodyBytes / 10)
            .<DataBuffer>map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[10]))
            .doOnNext(buffer -> buffersSent.incrementAndGet());
    MockServerHttpRequest.BodyBuilder request = MockServerHttpRequest.post("/x");
    if (declared) {
      request.contentLength(bodyBytes);
    }
    return MockServerWebExchange.from(request.body(body));
  }

  @Test
  void readsADeclaredBodyOverTheLimitToItsEndBeforeRefusingIt() {
    StepVerifier.create(filter.filter(exchange(500, true), ex -> chain()))
        .expectError(DataBufferLimitException.class)
        .verify();
    assertThat(buffersSent).hasValue(50);
    assertThat(chainCalled).isFalse();
  }

  @Test
  void refusesADeclaredBodyOverTheSwallowSizeWithoutReadingIt() {
    StepVerifier.create(filter.filter(exchange(1010, true), ex -> chain()))
        .expectError(DataBufferLimitException.class)
        .verify();
    assertThat(buffersSent).hasValue(0);
    assertThat(chainCalled).isFalse();
  }

  @Test
  void passesABodyAtTheLimitWhole() {
    StepVerifier.create(filter.filter(exchange(100, true), this::readBody)).verifyComplete();
    assertThat(chainCalled).isTrue();
    assertThat(bytesRead).hasValue(100);
  }

  @Test
  void aChunkedBodyOverTheLimitReachesTheReaderOnlyUpToTheLimitAndIsThenDiscarded() {
    StepVerifier.create(filter.filter(exchange(500, false), this::readBody))
        .expectError(DataBufferLimitException.class)
        .verify();
    assertThat(bytesRead).hasValue(100);
    assertThat(buffersSent).hasValue(50);
  }

  @Test
  void aChunkedBodyOverTheSwallowSizeIsGivenUpThere() {
    StepVerifier.create(filter.filter(exchange(5000, false), this::readBody))
        .expectError(DataBufferLimitException.class)
        .verify();
    assertThat(buffersSent).hasValue(101);
  }

  @Test
  void aBodyNobodyReadIsDiscardedBeforeTheResponseCommits() {
    ServerWebExchange exchange = exchange(500, false);
    StepVerifier.create(
            filter
                .filter(exchange, ex -> chain())
                .then(Mono.defer(() -> exchange.getResponse().setComplete())))
        .verifyComplete();
    assertThat(buffersSent).hasValue(50);
  }

  private final AtomicInteger bytesRead = new AtomicInteger();

  private Mono<Void> readBody(ServerWebExchange exchange) {
    chainCalled.set(true);
    return exchange
        .getRequest()
        .getBody()
        .doOnNext(
            buffer -> {
              bytesRead.addAndGet(buffer.readableByteCount());
              DataBufferUtils.release(buffer);
            })
        .then();
  }

  private Mono<Void> chain() {
    chainCalled.set(true);
    return Mono.empty();
  }
}
