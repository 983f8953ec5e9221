package io.emporium.platform.messaging.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** What {@code @ServiceIntegrationTest} gives a context, seen from inside it. */
class ServiceIntegrationTestContextIntegrationTests extends MessagingIntegrationTest {

  @Autowired Environment environment;

  @Test
  void pointsTheContextAtTheEmulatorTheTestEnvironmentAndItsFreshDatabase() {
    assertThat(environment.getProperty("spring.cloud.aws.endpoint"))
        .isEqualTo(TestEnvironment.aws().endpoint().toString());
    assertThat(environment.getProperty("emporium.messaging.env"))
        .isEqualTo(EmulatedInfrastructure.ENV);
    assertThat(environment.getProperty("spring.r2dbc.url")).endsWith("/messaging");
    assertThat(environment.getProperty("emporium.identity.user-pool-id")).isNotBlank();
  }

  @Test
  void givesAFastRelayUnlessTheTestSaysOtherwise() {
    assertThat(environment.getProperty("emporium.messaging.relay.poll-interval")).isEqualTo("50ms");
    assertThat(environment.getProperty("emporium.messaging.listener.initial-backoff-seconds"))
        .isEqualTo("1");
    assertThat(environment.getProperty("emporium.messaging.relay.initial-backoff"))
        .as("MessagingIntegrationTest's own properties")
        .isEqualTo("1s");
  }
}
