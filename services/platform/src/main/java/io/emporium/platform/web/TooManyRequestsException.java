package io.emporium.platform.web;

import java.time.Duration;
import org.springframework.http.HttpHeaders;

/** The caller hit a limit (429); {@code Retry-After} says in how many seconds to try again. */
public class TooManyRequestsException extends ProblemException {

  public TooManyRequestsException(String detail, Duration retryAfter) {
    super(ProblemType.TOO_MANY_REQUESTS, detail);
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
  }
}
