package io.emporium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.platform.database.DatabaseIamAuthAutoConfiguration;
import io.emporium.platform.identity.IdentityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/** Every service gets the web, identity and database support by depending on the platform. */
class AutoConfigurationImportsTests {

  @Test
  void webIdentityAndDatabaseAreRegisteredAutoConfigurations() {
    assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
        .contains(
            PlatformWebAutoConfiguration.class.getName(),
            IdentityAutoConfiguration.class.getName(),
            DatabaseIamAuthAutoConfiguration.class.getName());
  }
}
