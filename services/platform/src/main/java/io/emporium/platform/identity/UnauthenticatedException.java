package io.emporium.platform.identity;

import io.emporium.platform.web.ProblemException;
import io.emporium.platform.web.ProblemType;

/** No (valid) customer identity on a request that needs one: 401, type .../unauthenticated. */
public class UnauthenticatedException extends ProblemException {

  public UnauthenticatedException(String detail) {
    super(ProblemType.UNAUTHENTICATED, detail);
  }
}
