package io.emporium.observability.slo;

import java.util.Locale;

/** Every alert names its runbook: {@code docs/runbooks/<alert in kebab case>.md}. */
public final class Runbooks {

  private Runbooks() {}

  public static String path(String alertName) {
    return "docs/runbooks/" + kebab(alertName) + ".md";
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
