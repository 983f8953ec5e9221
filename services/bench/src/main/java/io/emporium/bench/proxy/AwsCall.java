package io.emporium.bench.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request to the AWS endpoint, classified: who sent it (the access key of its SigV4 signature,
 * "unsigned" without one) and which API it called ({@code dynamodb:UpdateItem}, {@code
 * sqs:ReceiveMessage}, {@code sns:PublishBatch}, {@code cognito-idp:InitiateAuth}, {@code ses:POST
 * /v2/email/outbound-emails} ...).
 */
public record AwsCall(String client, String api) {

  public static final String UNSIGNED = "unsigned";

  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=([^/,\\s]+)/[^/]+/[^/]+/([^/]+)/");
  private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");

  /** Classifies a request from its Authorization and X-Amz-Target headers, path and body. */
  public static AwsCall of(
      String authorization, String target, String method, String path, byte[] body) {
    String client = UNSIGNED;
    String service = null;
    if (authorization != null) {
      Matcher m = CREDENTIAL.matcher(authorization);
      if (m.find()) {
        client = m.group(1);
        service = m.group(2);
      }
    }
    return new AwsCall(client, api(service, target, method, path, body));
  }

  /** The service part of {@link #api()}: "dynamodb", "sqs", "sns", ... */
  public String service() {
    int colon = api.indexOf(':');
    return colon < 0 ? api : api.substring(0, colon);
  }

  /** The operation part of {@link #api()}: "UpdateItem", ... */
  public String operation() {
    int colon = api.indexOf(':');
    return colon < 0 ? api : api.substring(colon + 1);
  }

  private static String api(
      String service, String target, String method, String path, byte[] body) {
    String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (target != null && target.contains(".")) {
      String prefix = target.substring(0, target.indexOf('.'));
      String operation = target.substring(target.indexOf('.') + 1);
      return serviceOfTarget(prefix, service) + ":" + operation;
    }
    String form = body.length > 0 ? new String(body, StandardCharsets.UTF_8) : query;
    Matcher action = ACTION.matcher(form);
    if (action.find()) {
      return (service == null ? "query" : service) + ":" + action.group(1);
    }
    if (bare.endsWith("/.well-known/jwks.json")) {
      return "cognito-idp:JWKS";
    }
    if (bare.startsWith("/moto-api")) {
      return "moto-api:" + method + " " + bare;
    }
    String shortPath = bare.replaceAll("/(?:[0-9]+|(?=[^/]*[0-9])[^/]{8,})(?=/|$)", "/{id}");
    return (service == null ? "other" : service) + ":" + method + " " + shortPath;
  }

  private static String serviceOfTarget(String prefix, String signedService) {
    if (prefix.startsWith("DynamoDB")) {
      return "dynamodb";
    }
    if (prefix.startsWith("AmazonSQS")) {
      return "sqs";
    }
    if (prefix.startsWith("AWSCognitoIdentityProviderService")) {
      return "cognito-idp";
    }
    return signedService != null ? signedService : prefix;
  }

  static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
