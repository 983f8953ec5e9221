package io.emporium.boundary.identity;

import java.util.regex.Pattern;

/** The shopper a request acts for: 1–64 characters of {@code [A-Za-z0-9_-]}. */
public record CustomerId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public CustomerId {
    if (!isValid(value)) {
      throw new IllegalArgumentException("A customer id is 1-64 characters of [A-Za-z0-9_-]");
    }
  }

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
