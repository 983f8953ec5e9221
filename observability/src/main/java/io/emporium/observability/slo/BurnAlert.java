package io.emporium.observability.slo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A burn-rate alert every SLO gets (FastBurn, SlowBurn): it fires when any of its windows burns the
 * budget {@code factor} times faster than allowed over both its long and its short window.
 */
public record BurnAlert(
    String name, String severity, @JsonProperty("for") String pending, List<Window> windows) {

  public BurnAlert {
    windows = List.copyOf(windows);
    Durations.seconds(pending);
  }

  /** The alert's name for an SLO: {@code CheckoutSuccess} + {@code FastBurn}. */
  public String alertName(Slo slo) {
    return slo.alert() + name;
  }

  /** docs/runbooks/checkout-success-fast-burn.md */
  public String runbook(Slo slo) {
    return Runbooks.path(alertName(slo));
  }

  public record Window(
      @JsonProperty("long") String longWindow,
      @JsonProperty("short") String shortWindow,
      double factor) {

    public Window {
      Durations.seconds(longWindow);
      Durations.seconds(shortWindow);
    }
  }
}
