package io.emporium.chaos.proxy;

/**
 * The failures a real AWS endpoint answers under stress. A throttled call did nothing; a 500 may
 * have done nothing ({@link #INTERNAL_BEFORE}) or done its work and lost the answer ({@link
 * #UNAVAILABLE_AFTER}): the caller cannot tell, so it must be safe to repeat.
 */
enum AwsError {
  THROTTLED(400, "ThrottlingException", "Throttling", "Rate exceeded", false),
  INTERNAL_BEFORE(500, "InternalFailure", "InternalFailure", "Internal failure (injected)", false),
  UNAVAILABLE_AFTER(
      503, "ServiceUnavailable", "ServiceUnavailable", "Unavailable (injected)", true);

  final int status;
  final String jsonCode;
  final String queryCode;
  final String message;

  /** Whether the call reaches the emulator first (its effect happens, the answer is lost). */
  final boolean afterForwarding;

  AwsError(int status, String jsonCode, String queryCode, String message, boolean after) {
    this.status = status;
    this.jsonCode = jsonCode;
    this.queryCode = queryCode;
    this.message = message;
    this.afterForwarding = after;
  }

  /**
   * The error as the call's protocol spells it: AWS JSON (SQS, DynamoDB, Cognito), query/XML (SNS)
   * or REST JSON (SES v2).
   */
  Response response(String contentType, String target) {
    String type = contentType == null ? "" : contentType;
    if (type.startsWith("application/x-amz-json")) {
      // THROTTLED: the same code for every JSON service the SDK knows as throttling.
      String code =
          this == THROTTLED && target != null && target.startsWith("DynamoDB")
              ? "ProvisionedThroughputExceededException"
              : jsonCode;
      return new Response(
          status,
          "application/x-amz-json-1.0",
          "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}",
          code);
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      String fault = status >= 500 ? "Receiver" : "Sender";
      return new Response(
          status,
          "text/xml",
          "<ErrorResponse><Error><Type>"
              + fault
              + "</Type><Code>"
              + queryCode
              + "</Code><Message>"
              + message
              + "</Message></Error><RequestId>chaos</RequestId></ErrorResponse>",
          queryCode);
    }
    String code = this == THROTTLED ? "TooManyRequestsException" : jsonCode;
    return new Response(
        this == THROTTLED ? 429 : status,
        "application/json",
        "{\"message\":\"" + message + "\"}",
        code);
  }

  record Response(int status, String contentType, String body, String errorType) {}
}
