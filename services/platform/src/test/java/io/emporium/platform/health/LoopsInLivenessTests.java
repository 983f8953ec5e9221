package io.emporium.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A hung background loop restarts the service: every loop's pulse is part of liveness. */
class LoopsInLivenessTests {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ApplicationAvailabilityAutoConfiguration.class,
                  AvailabilityHealthContributorAutoConfiguration.class,
                  AvailabilityProbesAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class,
                  HealthEndpointAutoConfiguration.class,
                  HealthAutoConfiguration.class))
          .withUserConfiguration(Loops.class)
          .withPropertyValues(
              "management.endpoint.health.probes.enabled=true",
              "management.endpoint.health.group.liveness.include=livenessState");

  @Test
  void everyLoopPulseIsInLivenessBesidesWhatIsConfigured() {
    context.run(
        c -> {
          var liveness = c.getBean(HealthEndpointGroups.class).get("liveness");
          assertThat(liveness.isMember("outboxRelay")).isTrue();
          assertThat(liveness.isMember("sagaDeadline")).isTrue();
          assertThat(liveness.isMember("livenessState")).isTrue();
          assertThat(liveness.isMember("database")).as("a dependency is not").isFalse();
        });
  }

  @Test
  void theOtherGroupsAreLeftAsConfigured() {
    context.run(
        c -> {
          var groups = c.getBean(HealthEndpointGroups.class);
          assertThat(groups.get("readiness").isMember("outboxRelay")).isFalse();
          assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
        });
  }

  @Test
  void aServiceWithoutProbesIsLeftAlone() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                HealthContributorAutoConfiguration.class,
                HealthEndpointAutoConfiguration.class,
                HealthAutoConfiguration.class))
        .withUserConfiguration(Loops.class)
        .run(c -> assertThat(c.getBean(HealthEndpointGroups.class).getNames()).isEmpty());
  }

  @Configuration(proxyBeanMethods = false)
  static class Loops {

    @Bean
    MeterRegistry meters() {
      return new SimpleMeterRegistry();
    }

    @Bean
    LoopPulse outboxRelayHealthIndicator(MeterRegistry meters) {
      return new LoopPulse("outbox-relay", Duration.ofMinutes(1), Clock.systemUTC(), meters);
    }

    @Bean
    LoopPulse sagaDeadline(MeterRegistry meters) {
      return new LoopPulse("saga-deadline", Duration.ofMinutes(1), Clock.systemUTC(), meters);
    }

    @Bean
    HealthIndicator databaseHealthIndicator() {
      return () -> Health.up().build();
    }
  }
}
