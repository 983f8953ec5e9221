package io.emporium.platform.web;

/** A well-formed request that a business rule refuses (422), e.g. checkout of an empty cart. */
public class BusinessRuleException extends ProblemException {

  public BusinessRuleException(String detail) {
    super(ProblemType.BUSINESS_RULE_VIOLATED, detail);
  }

  public BusinessRuleException(String detail, Throwable cause) {
    super(ProblemType.BUSINESS_RULE_VIOLATED, detail, cause);
  }
}
