package io.emporium.chaos.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

/**
 * Concurrent checkouts from many customers over a few skus: shoppers arrive evenly over a period,
 * each fills a cart (one or two lines of one or two units) and checks out with a drawn card. Like a
 * patient browser, a shopper repeats a request the shop could not answer (a cut connection, 5xx,
 * 429) with backoff — the checkout with the same Idempotency-Key — until it is answered or the
 * shopper gives up.
 */
public final class CheckoutLoad {

  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

  private final ShopApi api;
  private final RandomGenerator random;
  private final Duration patience;

  /** {@code patience}: how long a shopper keeps trying before giving up. */
  public CheckoutLoad(URI edge, RandomGenerator random, Duration patience) {
    this.api = new ShopApi(edge);
    this.random = random;
    this.patience = patience;
  }

  /**
   * Runs a checkout for each of {@code shoppers}, arriving evenly over {@code spread}, and returns
   * every attempt once each is accepted or given up.
   */
  public List<Attempt> run(List<Shopper> shoppers, Duration spread, List<String> skus, Cards cards)
      throws InterruptedException {
    Instant start = Instant.now();
    List<Future<Attempt>> attempts = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < shoppers.size(); i++) {
        Instant arrival =
            start.plus(spread.multipliedBy(i).dividedBy(Math.max(1, shoppers.size())));
        Shopper shopper = shoppers.get(i);
        Map<String, Integer> lines = lines(skus);
        String card = cards.draw(random);
        attempts.add(threads.submit(() -> shop(arrival, shopper, lines, card)));
      }
      List<Attempt> done = new ArrayList<>();
      for (Future<Attempt> attempt : attempts) {
        done.add(join(attempt));
      }
      return done;
    }
  }

  private Map<String, Integer> lines(List<String> skus) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    int count = 1 + random.nextInt(Math.min(2, skus.size()));
    while (lines.size() < count) {
      lines.put(skus.get(random.nextInt(skus.size())), 1 + random.nextInt(2));
    }
    return lines;
  }

  private Attempt shop(Instant arrival, Shopper shopper, Map<String, Integer> lines, String card)
      throws InterruptedException {
    sleepUntil(arrival);
    Instant giveUp = Instant.now().plus(patience);
    Persistence persistence = new Persistence(giveUp);
    for (var line : lines.entrySet()) {
      ShopApi.Answer added =
          persistence.ask(() -> api.addItem(shopper, line.getKey(), line.getValue()));
      if (added == null || added.status() >= 300) {
        return refused(shopper, lines, card, persistence, "add item: " + describe(added));
      }
    }
    String key = UUID.randomUUID().toString();
    ShopApi.Answer checkout = persistence.ask(() -> api.checkout(shopper, key, card));
    if (checkout == null || checkout.status() != 202) {
      return refused(shopper, lines, card, persistence, "checkout: " + describe(checkout));
    }
    return new Attempt(
        shopper,
        lines,
        card,
        checkout.json().path("checkoutId").asText(),
        Instant.now(),
        persistence.retries,
        null);
  }

  private static Attempt refused(
      Shopper shopper,
      Map<String, Integer> lines,
      String card,
      Persistence persistence,
      String why) {
    return new Attempt(shopper, lines, card, null, null, persistence.retries, why);
  }

  private static String describe(ShopApi.Answer answer) {
    if (answer == null) {
      return "gave up (no answer in time)";
    }
    String body = answer.body() == null ? "" : answer.body();
    return answer.status() + " " + body.substring(0, Math.min(160, body.length()));
  }

  private static Attempt join(Future<Attempt> attempt) throws InterruptedException {
    try {
      return attempt.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a shopper failed unexpectedly", e.getCause());
    }
  }

  static void sleepUntil(Instant at) throws InterruptedException {
    Duration left = Duration.between(Instant.now(), at);
    if (left.isPositive()) {
      Thread.sleep(left);
    }
  }

  /** One call the shop may fail to answer. */
  @FunctionalInterface
  private interface Call {
    ShopApi.Answer send() throws IOException, InterruptedException;
  }

  /** Repeats a call with backoff until it is answered for good or the shopper gives up. */
  private static final class Persistence {

    private final Instant giveUp;
    private int retries;

    Persistence(Instant giveUp) {
      this.giveUp = giveUp;
    }

    /** The first answer that is not a transient failure; null when the shopper gave up. */
    ShopApi.Answer ask(Call call) throws InterruptedException {
      Duration wait = FIRST_RETRY;
      while (true) {
        try {
          ShopApi.Answer answer = call.send();
          if (!answer.transientFailure()) {
            return answer;
          }
        } catch (IOException e) {
          // connection refused or cut, a timeout: the same as a 503 for a shopper
        }
        if (Instant.now().plus(wait).isAfter(giveUp)) {
          return null;
        }
        retries++;
        Thread.sleep(wait);
        wait =
            wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0
                ? LONGEST_RETRY
                : wait.multipliedBy(2);
      }
    }
  }
}
