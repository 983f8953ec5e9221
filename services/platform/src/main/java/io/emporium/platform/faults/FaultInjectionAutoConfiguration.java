package io.emporium.platform.faults;

import io.emporium.platform.identity.AccessRules;
import io.emporium.platform.messaging.inbox.InboundFaults;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The fault switch of tests (profile {@code fault-injection}, which no chart or environment sets):
 * {@code emporium.faults.inbound-types} fail on receipt, and {@code PUT
 * /api/<service>/admin/faults/inbound} changes them while the service runs. A service refuses to
 * start with the profile unless its AWS endpoint is an emulator on this machine, so the switch can
 * never exist in AWS.
 */
@AutoConfiguration
@Profile(FaultInjectionAutoConfiguration.PROFILE)
@ConditionalOnProperty("emporium.messaging.service")
public class FaultInjectionAutoConfiguration {

  public static final String PROFILE = "fault-injection";

  @Bean
  InboundFaults inboundFaults(Environment environment) {
    requireLocalEndpoint(environment.getProperty("spring.cloud.aws.endpoint"));
    List<String> types =
        List.of(
            environment.getProperty(
                "emporium.faults.inbound-types", String[].class, new String[0]));
    return new InboundFaults(new LinkedHashSet<>(types));
  }

  @Bean
  AccessRules faultSwitchAccess() {
    return new AccessRules(List.of(), List.of()).withAdmins("/api/*/admin/faults/**");
  }

  @Bean
  FaultSwitchController faultSwitchController(InboundFaults faults) {
    return new FaultSwitchController(faults);
  }

  static void requireLocalEndpoint(String endpoint) {
    boolean loopback;
    try {
      loopback =
          endpoint != null
              && !endpoint.isBlank()
              && InetAddress.getByName(URI.create(endpoint.trim()).getHost()).isLoopbackAddress();
    } catch (UnknownHostException | IllegalArgumentException | NullPointerException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new IllegalStateException(
          "profile "
              + PROFILE
              + " is for tests on a local emulator only; spring.cloud.aws.endpoint is "
              + endpoint);
    }
  }
}
