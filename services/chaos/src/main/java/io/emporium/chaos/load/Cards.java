package io.emporium.chaos.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The payment simulator's test cards a load pays with, and how often each: mostly approved, some
 * declined; in the payment-provider phase also cards the provider answers too late (after the
 * caller's timeout, with the money held) or fails with a 500.
 */
public record Cards(Map<String, Integer> weights) {

  public static final String APPROVED = "tok_4242424242424242";
  public static final String DECLINED = "tok_4000000000000002";
  public static final String INSUFFICIENT_FUNDS = "tok_4000000000009995";
  public static final String ANSWERS_LATE = "tok_4000000000000044";
  public static final String PROVIDER_ERROR = "tok_4000000000000119";

  public Cards {
    weights = Map.copyOf(new LinkedHashMap<>(weights));
  }

  /** 80 % approved, 10 % declined, 10 % insufficient funds. */
  public static Cards usual() {
    return new Cards(ordered(APPROVED, 80, DECLINED, 10, INSUFFICIENT_FUNDS, 10));
  }

  /** A provider in trouble: 15 % answered late, 15 % failing with a 500. */
  public static Cards troubledProvider() {
    return new Cards(
        ordered(
            APPROVED,
            60,
            DECLINED,
            5,
            INSUFFICIENT_FUNDS,
            5,
            ANSWERS_LATE,
            15,
            PROVIDER_ERROR,
            15));
  }

  public String draw(RandomGenerator random) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    int pick = random.nextInt(total);
    for (var entry : weights.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      pick -= entry.getValue();
      if (pick < 0) {
        return entry.getKey();
      }
    }
    throw new IllegalStateException("no card drawn");
  }

  private static Map<String, Integer> ordered(Object... cardsAndWeights) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < cardsAndWeights.length; i += 2) {
      map.put((String) cardsAndWeights[i], (Integer) cardsAndWeights[i + 1]);
    }
    return map;
  }
}
