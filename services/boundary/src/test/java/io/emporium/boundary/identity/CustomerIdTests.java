package io.emporium.boundary.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerIdTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "cust_42-A",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void acceptsOneToSixtyFourSafeCharacters(String value) {
    assertThat(new CustomerId(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "a b",
        "bob@example.com",
        "é",
        "01234567890123456789012345678901234567890123456789012345678901234"
      })
  void rejectsAnythingElse(String value) {
    assertThatIllegalArgumentException().isThrownBy(() -> new CustomerId(value));
  }

  @org.junit.jupiter.api.Test
  void rejectsNull() {
    assertThat(CustomerId.isValid(null)).isFalse();
  }
}
