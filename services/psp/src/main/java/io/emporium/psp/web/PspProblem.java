package io.emporium.psp.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An RFC 9457 problem the API answers with: {@code type} is {@value #BASE}&lt;slug&gt;. */
public final class PspProblem extends ErrorResponseException {

  static final String BASE = "https://psp.emporium.io/problems/";

  private PspProblem(HttpStatus status, String slug, String title, String detail) {
    super(status, problem(status, slug, title, detail), null);
  }

  private static ProblemDetail problem(
      HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(BASE + slug));
    problem.setTitle(title);
    return problem;
  }

  public static PspProblem notFound(String detail) {
    return new PspProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
  }

  /** The payment is not in a status that allows the operation (e.g. void after capture). */
  public static PspProblem conflict(String detail) {
    return new PspProblem(HttpStatus.CONFLICT, "invalid-state", "Invalid payment state", detail);
  }

  /** An idempotency key sent again with a different request. */
  public static PspProblem keyReused(String detail) {
    return new PspProblem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
        "Idempotency key reused with another request",
        detail);
  }

  public static PspProblem missingKey() {
    return new PspProblem(
        HttpStatus.BAD_REQUEST,
        "idempotency-key-required",
        "Idempotency-Key required",
        "Every POST needs an Idempotency-Key header (1 to 255 characters).");
  }

  public static PspProblem unauthenticated() {
    return new PspProblem(
        HttpStatus.UNAUTHORIZED,
        "unauthenticated",
        "Unauthenticated",
        "Send the merchant's secret key as Authorization: Bearer <key>.");
  }

  /** The issuer could not be reached (the error test card): nothing was recorded. */
  public static PspProblem processingError() {
    return new PspProblem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "processing-error",
        "Processing error",
        "The card issuer could not be reached; nothing was recorded. Retry with the same key.");
  }
}
