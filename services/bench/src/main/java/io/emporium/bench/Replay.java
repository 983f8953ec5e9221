package io.emporium.bench;

import io.emporium.bench.load.LoadResult;
import io.emporium.bench.proc.CpuMeter;
import io.emporium.bench.proxy.Exchange;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The emulator's raw ceiling for the shop's own requests: requests the proxy captured, sent again
 * straight to the emulator (no service, no proxy) from {@code connections} loops.
 */
final class Replay {

  /** Throughput and the emulator's CPU per request of one replay. */
  record Ceiling(LoadResult load, double motoCpuMillisPerRequest, double motoCoreShare) {

    /** Requests per second of emulator CPU: what one fully busy emulator core would answer. */
    double perMotoCpuSecond() {
      return motoCpuMillisPerRequest <= 0 ? 0 : 1000.0 / motoCpuMillisPerRequest;
    }
  }

  private Replay() {}

  /**
   * Sends {@code rounds} of requests (each round is the next group of exchanges, in order: e.g. a
   * GetItem then a PutItem) for {@code measure}.
   */
  static Ceiling run(
      Run run, String name, List<List<Exchange>> rounds, int connections, Duration measure) {
    ConnectionProvider pool =
        ConnectionProvider.builder("bench-replay").maxConnections(connections * 2).build();
    HttpClient http = HttpClient.create(pool).disableRetry(true);
    try {
      CpuMeter.Snapshot before = run.cpu.snapshot();
      long[] requests = new long[1];
      LoadResult result =
          run.load.closed(
              name,
              connections,
              Duration.ofSeconds(1),
              measure,
              i -> {
                List<Exchange> round = rounds.get((int) (i % rounds.size()));
                Mono<Integer> chain = Mono.just(200);
                for (Exchange exchange : round) {
                  chain =
                      chain.flatMap(s -> s >= 500 ? Mono.just(s) : send(http, run.moto, exchange));
                }
                synchronized (requests) {
                  requests[0] += round.size();
                }
                return chain;
              });
      CpuMeter.Usage used = run.cpu.snapshot().since(before);
      double perRequest = used.aboveIdle(run.idle, List.of("moto")) / Math.max(1, requests[0]);
      return new Ceiling(result, perRequest, used.coreShare("moto"));
    } finally {
      pool.dispose();
    }
  }

  /** Sends one captured request to the emulator; a 4xx (a condition that failed) still counts. */
  static Mono<Integer> send(HttpClient http, URI moto, Exchange exchange) {
    return http.headers(h -> exchange.headers().forEach(h::set))
        .post()
        .uri(moto.resolve(exchange.path()).toString())
        .send(ByteBufFlux.fromInbound(Mono.just(exchange.request())))
        .responseSingle(
            (r, body) -> body.then(Mono.just(r.status().code() < 500 ? 200 : r.status().code())));
  }
}
