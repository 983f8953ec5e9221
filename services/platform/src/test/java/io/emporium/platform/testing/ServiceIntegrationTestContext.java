package io.emporium.platform.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * What {@link ServiceIntegrationTest} gives a context: the emulator's endpoint, region and
 * credentials, environment {@value EmulatedInfrastructure#ENV}, the test user pool, and the named
 * database (created afresh when the context is built).
 */
final class ServiceIntegrationTestContext implements ContextCustomizerFactory {

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
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("emporium-test-infrastructure", properties));
    }
  }
}
