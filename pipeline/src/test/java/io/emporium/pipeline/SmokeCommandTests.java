package io.emporium.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `./emporium smoke` (what smoke-dev.yml runs) refuses, before any npm install or browser, with one
 * line and a non-zero exit, what cannot be a smoke test: no base URL, half an account, no account
 * for a shop that is not local, nothing answering, a 5xx.
 */
@Timeout(120)
class SmokeCommandTests {

  private static Command smoke(Map<String, String> account, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("EMPORIUM_SMOKE_EMAIL", "");
    env.put("EMPORIUM_SMOKE_PASSWORD", "");
    env.putAll(account);
    List<String> command = new ArrayList<>(List.of(Command.REPO.resolve("emporium").toString()));
    command.add("smoke");
    command.addAll(List.of(args));
    return Command.run(Command.REPO, env, command);
  }

  private static Map<String, String> account() {
    return Map.of("EMPORIUM_SMOKE_EMAIL", "smoke@example.com", "EMPORIUM_SMOKE_PASSWORD", "pw");
  }

  private static void refused(Command run, String reason) {
    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.output().lines())
        .singleElement()
        .satisfies(
            line -> assertThat(line).startsWith("[emporium] error: smoke: ").contains(reason));
  }

  @Test
  void refusesWithoutABaseUrl() {
    refused(smoke(account()), "no base URL (usage: ./emporium smoke --base-url <url>)");
    // smoke-dev.yml with its DEV_BASE_URL variable unset.
    refused(smoke(account(), "--base-url", ""), "no base URL");
    refused(smoke(account(), "--base-url"), "no base URL");
    refused(smoke(account(), "--base-url", "dev.example.com"), "needs an http(s) URL");
    refused(smoke(account(), "--url", "http://127.0.0.1:8080"), "unknown argument '--url'");
  }

  @Test
  void refusesHalfAnAccount() {
    refused(
        smoke(Map.of("EMPORIUM_SMOKE_EMAIL", "smoke@example.com"), "--base-url", "https://x.test"),
        "EMPORIUM_SMOKE_EMAIL is set but EMPORIUM_SMOKE_PASSWORD is empty");
    refused(
        smoke(Map.of("EMPORIUM_SMOKE_PASSWORD", "pw"), "--base-url", "https://x.test"),
        "EMPORIUM_SMOKE_PASSWORD is set but EMPORIUM_SMOKE_EMAIL is empty");
  }

  @Test
  void aShopThatIsNotLocalNeedsTheAccount() {
    // The journey would sign up, which only an emulated Cognito confirms: smoke-dev.yml with its
    // secrets unset.
    refused(
        smoke(Map.of(), "--base-url", "https://dev.shop.example.com"),
        "https://dev.shop.example.com is not local: set EMPORIUM_SMOKE_EMAIL and"
            + " EMPORIUM_SMOKE_PASSWORD");
  }

  @Test
  void refusesABaseUrlWhereNothingAnswers() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;

    refused(smoke(account(), "--base-url", url), "nothing answers at " + url);
    refused(smoke(Map.of(), "--base-url", url), "nothing answers at " + url);
  }

  @Test
  void refusesAShopAnsweringWithAServerError() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

      refused(smoke(account(), "--base-url", url), url + " answered 503");
    } finally {
      server.stop(0);
    }
  }
}
