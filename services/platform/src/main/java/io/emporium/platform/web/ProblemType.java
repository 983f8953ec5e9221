package io.emporium.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The kind of an RFC 9457 problem: its {@code type} URI ({@value #BASE}&lt;slug&gt;), HTTP status
 * and title. Services may define their own, e.g. {@code new ProblemType("cart-empty",
 * UNPROCESSABLE_ENTITY, "Cart is empty")}.
 */
public record ProblemType(String slug, int status, String title) {

  public static final String BASE = "https://emporium.io/problems/";

  public static final ProblemType MALFORMED_REQUEST =
      new ProblemType("malformed-request", 400, "Malformed request");
  public static final ProblemType VALIDATION_FAILED =
      new ProblemType("validation-failed", 400, "Validation failed");
  public static final ProblemType UNAUTHENTICATED =
      new ProblemType("unauthenticated", 401, "Unauthenticated");
  public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Forbidden");
  public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
  public static final ProblemType CONFLICT = new ProblemType("conflict", 409, "Conflict");
  public static final ProblemType CONTENT_TOO_LARGE =
      new ProblemType("content-too-large", 413, "Content too large");
  public static final ProblemType TOO_MANY_REQUESTS =
      new ProblemType("too-many-requests", 429, "Too many requests");
  public static final ProblemType BUSINESS_RULE_VIOLATED =
      new ProblemType("business-rule-violated", 422, "Business rule violated");
  public static final ProblemType INTERNAL_ERROR =
      new ProblemType("internal-error", 500, "Internal server error");

  private static final List<ProblemType> BY_STATUS =
      List.of(
          MALFORMED_REQUEST,
          UNAUTHENTICATED,
          FORBIDDEN,
          NOT_FOUND,
          CONFLICT,
          CONTENT_TOO_LARGE,
          BUSINESS_RULE_VIOLATED,
          TOO_MANY_REQUESTS,
          INTERNAL_ERROR);

  public ProblemType(String slug, HttpStatus status, String title) {
    this(slug, status.value(), title);
  }

  public URI uri() {
    return URI.create(BASE + slug);
  }

  /** The problem type for a bare HTTP status, e.g. 405 → method-not-allowed. */
  public static ProblemType forStatus(HttpStatusCode status) {
    for (ProblemType type : BY_STATUS) {
      if (type.status == status.value()) {
        return type;
      }
    }
    HttpStatus known = HttpStatus.resolve(status.value());
    if (known == null) {
      return new ProblemType("http-" + status.value(), status.value(), "HTTP " + status.value());
    }
    String phrase = known.getReasonPhrase();
    String slug = phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    String title = phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT);
    return new ProblemType(slug, known.value(), title);
  }
}
