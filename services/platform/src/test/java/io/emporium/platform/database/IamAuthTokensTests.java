package io.emporium.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

class IamAuthTokensTests {

  private static final String HOST = "emporium-dev.cluster-abc123.eu-west-1.rds.amazonaws.com";

  private final IamAuthTokens tokens =
      new IamAuthTokens(
          RdsUtilities.builder()
              .region(Region.EU_WEST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create("AKIAFAKEFAKEFAKE", "fake-secret")))
              .build());

  @Test
  void signsAPresignedConnectRequestForTheHostPortAndUser() {
    String token = tokens.generate(HOST, 5432, "catalog");

    assertThat(token).startsWith(HOST + ":5432/?").doesNotContain("https://");
    Map<String, String> query = query(token);
    assertThat(query)
        .containsEntry("Action", "connect")
        .containsEntry("DBUser", "catalog")
        .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
        .containsEntry("X-Amz-SignedHeaders", "host")
        .containsEntry("X-Amz-Expires", "900");
    assertThat(query.get("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
    assertThat(query.get("X-Amz-Credential"))
        .matches("AKIAFAKEFAKEFAKE/\\d{8}/eu-west-1/rds-db/aws4_request");
    assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
  }

  @Test
  void signsForTheUserAsked() {
    assertThat(query(tokens.generate(HOST, 5432, "order"))).containsEntry("DBUser", "order");
    assertThat(tokens.generate(HOST, 6543, "order")).startsWith(HOST + ":6543/?");
  }

  @Test
  void signsANewTokenForEverySubscription() {
    var rds = new CountingRdsUtilities("token");
    var password = new IamAuthTokens(rds).perSubscription(HOST, 5432, "order");

    assertThat(rds.calls()).isZero();
    StepVerifier.create(password).expectNext("token").verifyComplete();
    StepVerifier.create(password).expectNext("token").verifyComplete();
    assertThat(rds.calls()).isEqualTo(2);
    assertThat(rds.requests.getFirst().hostname()).isEqualTo(HOST);
    assertThat(rds.requests.getFirst().port()).isEqualTo(5432);
    assertThat(rds.requests.getFirst().username()).isEqualTo("order");
  }

  private static Map<String, String> query(String token) {
    return Arrays.stream(token.substring(token.indexOf('?') + 1).split("&"))
        .map(parameter -> parameter.split("=", 2))
        .collect(
            Collectors.toMap(
                pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
  }
}
