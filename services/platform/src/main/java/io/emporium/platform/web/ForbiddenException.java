package io.emporium.platform.web;

/** The caller is known but not allowed to do this (403), e.g. a shopper calling an admin API. */
public class ForbiddenException extends ProblemException {

  public ForbiddenException(String detail) {
    super(ProblemType.FORBIDDEN, detail);
  }
}
