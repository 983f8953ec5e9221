package io.emporium.platform.web;

/** A request that conflicts with the current state (409): a stale version, a duplicate. */
public class ConflictException extends ProblemException {

  public ConflictException(String detail) {
    super(ProblemType.CONFLICT, detail);
  }

  public ConflictException(String detail, Throwable cause) {
    super(ProblemType.CONFLICT, detail, cause);
  }
}
