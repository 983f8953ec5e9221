package io.emporium.catalog.admin;

import io.emporium.platform.web.ProblemException;
import io.emporium.platform.web.ProblemType;

/** The caller is known but not allowed to do this (403); the platform has no 403 type yet. */
public class ForbiddenException extends ProblemException {

  public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Forbidden");

  public ForbiddenException(String detail) {
    super(FORBIDDEN, detail);
  }
}
