package io.emporium.bench.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CognitoSignUpTests {

  private static String part(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theShopperIsTheAccessTokensSubject() {
    String token =
        part("{\"alg\":\"RS256\"}")
            + "."
            + part("{\"sub\":\"4f1c-77\",\"token_use\":\"access\"}")
            + ".sig";

    assertThat(CognitoSignUp.subOf(token)).isEqualTo("4f1c-77");
  }

  @Test
  void noTokenIsAnError() {
    assertThatThrownBy(() -> CognitoSignUp.subOf("")).isInstanceOf(IllegalStateException.class);
  }
}
