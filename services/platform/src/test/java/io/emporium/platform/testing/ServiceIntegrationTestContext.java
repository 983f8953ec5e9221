package io.emporium.platform.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * What {@link ServiceIntegrationTest} gives a context: the emulator's endpoint, region and
 * credentials, environment {@value EmulatedInfrastructure#ENV}, the test user pool, and the named
 * database (created afresh when the context is built).
 */
final class ServiceIntegrationTestContext implements ContextCustomizerFactory {

  /** A relay that polls often and listeners that retry soon: tests wait seconds, not minutes. */
  static final Map<String, Object> FAST =
      Map.of(
          "emporium.messaging.relay.poll-interval", "50ms",
          "emporium.messaging.listener.initial-backoff-seconds", "1");

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    MergedAnnotation<ServiceIntegrationTest> annotation =
        MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
            .get(ServiceIntegrationTest.class);
    return annotation.isPresent() ? new Infrastructure(annotation.getString("database")) : null;
  }

  /** A record: contexts with the same database are cached and shared. */
  private record Infrastructure(String database) implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
      Map<String, Object> properties = new LinkedHashMap<>();
      DynamicPropertyRegistry registry = (name, value) -> properties.put(name, value.get());
      SpringTestProperties.aws(registry);
      if (!database.isEmpty()) {
        SpringTestProperties.postgres(registry, database);
      }
      MutablePropertySources sources = context.getEnvironment().getPropertySources();
      sources.addFirst(new MapPropertySource("emporium-test-infrastructure", properties));
      // Below the test's own properties (so they may override it), above the application's.
      String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
      sources.addAfter(
          sources.contains(inlined) ? inlined : "emporium-test-infrastructure",
          new MapPropertySource("emporium-test-defaults", FAST));
    }
  }
}
