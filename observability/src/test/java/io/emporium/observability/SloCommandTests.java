package io.emporium.observability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.emporium.launcher.PluggedCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SloCommandTests {

  @Test
  void isPluggedIntoTheLaunchersMain() {
    assertThat(ServiceLoader.load(PluggedCommand.class).stream().map(p -> p.get().command()))
        .hasAtLeastOneElementOfType(SloCommand.class);
  }

  @Test
  void withoutPrometheusItExitsOneWithAOneLineError() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line =
        new CommandLine(new SloCommand(Repo.ROOT))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));

    int code = line.execute("--prometheus", "http://127.0.0.1:9");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().strip())
        .startsWith("[emporium] error: no Prometheus at http://127.0.0.1:9 (")
        .doesNotContain("\n", "\tat ");
  }

  @Test
  void printsEachSloFromAPrometheusWithoutDataYet() throws IOException {
    HttpServer prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    prometheus.createContext("/api/v1/query", SloCommandTests::noSeries);
    prometheus.start();
    try {
      StringWriter out = new StringWriter();
      CommandLine line = new CommandLine(new SloCommand(Repo.ROOT)).setOut(new PrintWriter(out));

      int code =
          line.execute("--prometheus", "http://127.0.0.1:" + prometheus.getAddress().getPort());

      assertThat(code).isZero();
      assertThat(out.toString())
          .contains("SLOs from observability/slo.yaml", "No alert is firing.");
    } finally {
      prometheus.stop(0);
    }
  }

  private static void noSeries(HttpExchange exchange) throws IOException {
    byte[] body = "{\"status\":\"success\",\"data\":{\"result\":[]}}".getBytes(UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (var response = exchange.getResponseBody()) {
      response.write(body);
    }
  }
}
