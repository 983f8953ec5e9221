package io.emporium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class BodySizeLimitFilterTests {

  private final BodySizeLimitFilter filter =
      new BodySizeLimitFilter(new BodySizeLimit(DataSize.ofBytes(100)));

  private final AtomicBoolean bodyRead = new AtomicBoolean();
  private final AtomicBoolean chainCalled = new AtomicBoolean();

  private MockServerWebExchange exchange(long contentLength) {
    Flux<DataBuffer> body =
        Flux.<DataBuffer>just(DefaultDataBufferFactory.sharedInstance.wrap(new byte[] {'x'}))
            .doOnSubscribe(subscription -> bodyRead.set(true));
    return MockServerWebExchange.from(
        MockServerHttpRequest.post("/x").contentLength(contentLength).body(body));
  }

  @Test
  void rejectsADeclaredLengthOverTheLimitWithoutReadingTheBody() {
    StepVerifier.create(filter.filter(exchange(101), ex -> chain()))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        status ->
                            assertThat(status.getStatusCode())
                                .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)))
        .verify();
    assertThat(bodyRead).isFalse();
    assertThat(chainCalled).isFalse();
  }

  @Test
  void passesADeclaredLengthAtTheLimit() {
    StepVerifier.create(filter.filter(exchange(100), ex -> chain())).verifyComplete();
    assertThat(chainCalled).isTrue();
  }

  private Mono<Void> chain() {
    chainCalled.set(true);
    return Mono.empty();
  }
}
