package io.emporium.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service's build writes a CycloneDX SBOM (cyclonedx-maven-plugin, configured by Spring
 * Boot's parent, declared in each service's pom) at
 * target/classes/META-INF/sbom/application.cdx.json, so it is in the jar and the image, and CI
 * attests it to the pushed image. It names the service and every dependency the service declares
 * for runtime, and nothing the tests alone use.
 */
class ServiceSbomTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEPENDENCY =
      Pattern.compile(
          "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>(.*?)</dependency>",
          Pattern.DOTALL);

  /** The services: charts Argo CD deploys that are built from a Maven module. */
  static Stream<String> services() throws IOException {
    try (Stream<Path> charts = Files.list(Command.REPO.resolve("helm"))) {
      return charts
          .filter(c -> Files.isRegularFile(c.resolve("values-dev.yaml")))
          .map(c -> c.getFileName().toString())
          .filter(
              s ->
                  Files.isRegularFile(
                      Command.REPO.resolve("services").resolve(s).resolve("pom.xml")))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void buildWritesACycloneDxSbomNamingTheServiceAndItsDependencies(String service)
      throws IOException {
    Path module = Command.REPO.resolve("services").resolve(service);
    Path sbom = module.resolve("target/classes/META-INF/sbom/application.cdx.json");
    assertThat(sbom).as("run ./mvnw verify (or package) first").isRegularFile();
    JsonNode bom = JSON.readTree(sbom.toFile());

    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.path("metadata").path("component").path("name").asText()).isEqualTo(service);
    Set<String> components =
        StreamSupport.stream(bom.path("components").spliterator(), false)
            .map(c -> c.path("group").asText() + ":" + c.path("name").asText())
            .collect(Collectors.toSet());
    List<String> runtime = new ArrayList<>();
    List<String> testOnly = new ArrayList<>();
    Matcher m = DEPENDENCY.matcher(dependencies(Files.readString(module.resolve("pom.xml"))));
    while (m.find()) {
      (m.group(3).contains("<scope>test</scope>") ? testOnly : runtime)
          .add(m.group(1) + ":" + m.group(2));
    }

    assertThat(runtime).as("%s declares runtime dependencies", service).isNotEmpty();
    assertThat(components).as("%s SBOM", service).containsAll(runtime);
    // Transitively, through the platform: the AWS SDK the messaging runs on.
    assertThat(components).contains("io.emporium:platform", "software.amazon.awssdk:sns");
    testOnly.removeAll(runtime);
    assertThat(components).as("test-only dependencies").doesNotContainAnyElementsOf(testOnly);
    assertThat(components).noneMatch(c -> c.startsWith("org.junit"));
    assertThat(bom.path("components").findValuesAsText("purl"))
        .allMatch(purl -> purl.startsWith("pkg:maven/"));
  }

  /** The project's own dependencies block (not dependencyManagement, not plugins). */
  private static String dependencies(String pom) {
    String withoutManagement =
        pom.replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "");
    String withoutPlugins = withoutManagement.replaceAll("(?s)<build>.*?</build>", "");
    int start = withoutPlugins.indexOf("<dependencies>");
    return start < 0
        ? ""
        : withoutPlugins.substring(start, withoutPlugins.indexOf("</dependencies>", start));
  }
}
