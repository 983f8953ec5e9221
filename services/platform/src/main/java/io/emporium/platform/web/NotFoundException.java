package io.emporium.platform.web;

/** A resource that does not exist (404), e.g. an unknown order id. */
public class NotFoundException extends ProblemException {

  public NotFoundException(String detail) {
    super(ProblemType.NOT_FOUND, detail);
  }

  public NotFoundException(String detail, Throwable cause) {
    super(ProblemType.NOT_FOUND, detail, cause);
  }
}
