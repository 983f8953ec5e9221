package io.emporium.launcher.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConnectionTests {

  @Test
  void theEnvironmentIsGivenElseReadFromTheQueueNameElseLocal() {
    Connection connection = new Connection(Map.of());
    assertThat(connection.env("emporium-prod-order-from-payment-dlq")).isEqualTo("prod");
    assertThat(connection.env("emporium-dev-eu-cart-from-order")).isEqualTo("dev-eu");
    assertThat(connection.env(null)).isEqualTo("local");
    assertThat(new Connection(Map.of("EMPORIUM_ENV", "dev")).env("emporium-prod-x"))
        .isEqualTo("dev");
  }

  @Test
  void theAdminApiIsTheLocalEdgeOnlyForTheLocalEnvironment() {
    Connection connection = new Connection(Map.of());
    assertThat(connection.apiUrl("local")).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(connection.apiUrl("prod")).isNull();
    assertThat(new Connection(Map.of("EMPORIUM_API_URL", "https://shop.example")).apiUrl("prod"))
        .isEqualTo(URI.create("https://shop.example"));
  }

  @Test
  void durationsAndRatesReadAsOnCallTypesThem() {
    Durations durations = new Durations();
    assertThat(durations.convert("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(durations.convert("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(durations.convert("PT5M")).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> durations.convert("soon")).isInstanceOf(TypeConversionException.class);
    assertThat(new Durations.Rate().convert("5/s")).isEqualTo(5.0);
    assertThat(new Durations.Rate().convert("2.5")).isEqualTo(2.5);
    assertThatThrownBy(() -> new Durations.Rate().convert("-1"))
        .isInstanceOf(TypeConversionException.class);
  }

  @Test
  void missingOrRefusedCredentialsExitWithFive() {
    var missing =
        software.amazon.awssdk.core.exception.SdkClientException.create(
            "Unable to load credentials from any of the providers in the chain");
    var refused =
        software.amazon.awssdk.services.sqs.model.SqsException.builder()
            .statusCode(403)
            .awsErrorDetails(
                software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                    .errorCode("InvalidClientTokenId")
                    .build())
            .build();
    assertThat(DlqCommand.code(missing)).isEqualTo(ExitCodes.CREDENTIALS);
    assertThat(DlqCommand.code(refused)).isEqualTo(ExitCodes.CREDENTIALS);
    assertThat(DlqCommand.code(new io.emporium.platform.deadletters.UnknownQueueException("x")))
        .isEqualTo(ExitCodes.UNKNOWN_QUEUE);
  }
}
