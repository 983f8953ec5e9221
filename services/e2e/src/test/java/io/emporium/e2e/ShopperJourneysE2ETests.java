package io.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shopper journeys of web/journeys (playwright-core driving Debian's Chromium, axe-core)
 * against this JVM's running shop: the edge serving the built SPA (web/dist) in front of the five
 * services, Cognito on the emulator. Each journey file is one test; screenshots land in
 * web/target/journeys.
 */
@ExtendWith(RunningShop.class)
class ShopperJourneysE2ETests {

  private static final Path WEB =
      Path.of("").toAbsolutePath().getParent().getParent().resolve("web");
  private static final Duration JOURNEY_WITHIN = Duration.ofMinutes(10);

  static Stream<String> journeys() throws IOException {
    try (Stream<Path> files = Files.list(WEB.resolve("journeys"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".journey.ts"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journeys")
  void passesInChromium(String journey, Shop shop) throws Exception {
    assertThat(WEB.resolve("dist/index.html"))
        .as("the SPA is built (./mvnw -pl web package)")
        .isRegularFile();
    assertThat(Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")))
        .as("Debian's Chromium (apt-get install -y chromium; .ci/run installs it)")
        .isExecutable();
    URI edge = shop.stack().edgeUrl();
    assertThat(servesConfigJson(edge))
        .as("the journeys sign in with Cognito: the edge must serve /config.json")
        .isTrue();

    Path log = Path.of("target", "journeys", journey.replace(".journey.ts", ".log"));
    Files.createDirectories(log.getParent());
    ProcessBuilder command =
        new ProcessBuilder(
                List.of(
                    "npx",
                    "vitest",
                    "run",
                    "--config",
                    "vitest.journeys.config.ts",
                    "journeys/" + journey))
            .directory(WEB.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    command.environment().put("EMPORIUM_BASE_URL", edge.toString());
    command.environment().put("CI", "true");
    Process process = command.start();
    boolean finished = process.waitFor(JOURNEY_WITHIN.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("%s finished within %s:%n%s", journey, JOURNEY_WITHIN, output).isTrue();
    assertThat(process.exitValue()).as("%s against %s:%n%s", journey, edge, output).isZero();
  }

  private static boolean servesConfigJson(URI edge) throws InterruptedException {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(edge.resolve("/config.json")).build(),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("userPoolId");
    } catch (IOException e) {
      return false;
    }
  }
}
