package io.emporium.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.boundary.identity.IdentityProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

class IdentityPropertiesTests {

  private final ReactiveWebApplicationContextRunner runner =
      new ReactiveWebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WebFluxAutoConfiguration.class, IdentityAutoConfiguration.class));

  @Test
  void issuerIsAlwaysTheAwsFormAndTheJwksComesFromTheEmulatorWhenOneIsGiven() {
    var emulated =
        new IdentityProperties(
            "eu-west-1", "eu-west-1_abc", "client", URI.create("http://127.0.0.1:4566/"), null);
    var aws = new IdentityProperties("eu-west-1", "eu-west-1_abc", "client", null, null);

    assertThat(emulated.issuer())
        .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc");
    assertThat(aws.issuer()).isEqualTo(emulated.issuer());
    assertThat(emulated.jwkSetUri())
        .hasToString("http://127.0.0.1:4566/eu-west-1_abc/.well-known/jwks.json");
    assertThat(aws.jwkSetUri())
        .hasToString(
            "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/.well-known/jwks.json");
  }

  @Test
  void aServiceWithoutIdentitySettingsFailsToStartNamingThem() {
    runner.run(
        context ->
            assertThat(context.getStartupFailure())
                .isNotNull()
                .rootCause()
                .hasMessageContaining("emporium.identity")
                .hasMessageContaining("EMPORIUM_IDENTITY_USER_POOL_ID"));
  }

  @Test
  void aServiceWithItsIdentitySettingsStartsWithASmallClockSkew() {
    runner
        .withPropertyValues(
            "emporium.identity.region=us-east-1",
            "emporium.identity.user-pool-id=us-east-1_x",
            "emporium.identity.client-id=abc")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(IdentityProperties.class).clockSkew())
                  .isEqualTo(Duration.ofSeconds(30));
            });
  }
}
