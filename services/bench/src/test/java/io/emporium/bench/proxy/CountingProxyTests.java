package io.emporium.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The proxy in front of a stand-in upstream that echoes what it was sent. */
class CountingProxyTests {

  private DisposableServer upstream;
  private CountingProxy proxy;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    upstream =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) ->
                    request
                        .receive()
                        .aggregate()
                        .asString()
                        .defaultIfEmpty("")
                        .flatMap(
                            body ->
                                response
                                    .status(body.contains("fail") ? 400 : 200)
                                    .header("X-Upstream", "yes")
                                    .sendString(Mono.just("echo:" + request.uri() + ":" + body))
                                    .then()))
            .bindNow();
    proxy = CountingProxy.start(URI.create("http://127.0.0.1:" + upstream.port()));
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.disposeNow();
  }

  private HttpResponse<String> send(String accessKey, String target, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(proxy.uri().resolve("/some/path"))
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential="
                    + accessKey
                    + "/20261130/us-east-1/dynamodb/aws4_request, Signature=x")
            .header("X-Amz-Target", target)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void forwardsRequestsAndAnswersUnchanged() throws Exception {
    HttpResponse<String> response = send("cart", "DynamoDB_20120810.GetItem", "{\"k\":1}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("echo:/some/path:{\"k\":1}");
    assertThat(response.headers().firstValue("X-Upstream")).hasValue("yes");
    assertThat(send("cart", "DynamoDB_20120810.GetItem", "fail").statusCode()).isEqualTo(400);
  }

  @Test
  void countsRequestsByClientAndApi() throws Exception {
    CallCounts before = proxy.snapshot();
    send("cart", "DynamoDB_20120810.UpdateItem", "{}");
    send("cart", "DynamoDB_20120810.UpdateItem", "{}");
    send("order", "AmazonSQS.ReceiveMessage", "{}");

    CallCounts window = proxy.snapshot().minus(before);

    assertThat(window.counts())
        .containsEntry(new AwsCall("cart", "dynamodb:UpdateItem"), 2L)
        .containsEntry(new AwsCall("order", "sqs:ReceiveMessage"), 1L)
        .hasSize(2);
  }

  @Test
  void keepsWholeExchangesOnlyWhileCapturingWhatWasAskedFor() throws Exception {
    send("cart", "DynamoDB_20120810.GetItem", "before");
    proxy.capture(call -> call.client().equals("cart"));
    send("cart", "DynamoDB_20120810.GetItem", "{\"a\":1}");
    send("order", "DynamoDB_20120810.GetItem", "{\"b\":2}");
    List<Exchange> captured = proxy.stopCapture();
    send("cart", "DynamoDB_20120810.GetItem", "after");

    assertThat(captured).hasSize(1);
    Exchange exchange = captured.get(0);
    assertThat(new String(exchange.request())).isEqualTo("{\"a\":1}");
    assertThat(new String(exchange.response())).isEqualTo("echo:/some/path:{\"a\":1}");
    assertThat(exchange.headers()).containsEntry("X-Amz-Target", "DynamoDB_20120810.GetItem");
    assertThat(exchange.status()).isEqualTo(200);
    assertThat(proxy.stopCapture()).isEmpty();
  }
}
