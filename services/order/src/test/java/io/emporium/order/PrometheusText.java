package io.emporium.order;

import java.util.regex.Pattern;

/** Reads one sample out of /actuator/prometheus text. */
public final class PrometheusText {

  private PrometheusText() {}

  /** The value of {@code metric} with {@code outcome="..."}; fails if the series is absent. */
  public static double value(String text, String metric, String outcome) {
    var matcher =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(metric)
                    + "\\{[^}]*outcome=\""
                    + Pattern.quote(outcome)
                    + "\"[^}]*\\} (\\S+)$")
            .matcher(text);
    if (!matcher.find()) {
      throw new AssertionError(metric + "{outcome=\"" + outcome + "\"} not exposed");
    }
    return Double.parseDouble(matcher.group(1));
  }
}
