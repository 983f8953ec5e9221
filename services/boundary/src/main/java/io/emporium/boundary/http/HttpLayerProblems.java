package io.emporium.boundary.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;

/**
 * Gives the HTTP layer's own refusals a problem body. Netty answers a request line or headers over
 * its limits (414, 431) or an undecodable request (400), and Spring a URI with a broken percent
 * escape (400), with an empty response before any route or error handler sees the request; this
 * handler, between the HTTP codec and the server, turns such an empty error answer into RFC 9457
 * problem+json (naming {@code path} or {@code query} for a broken escape). Answers that carry a
 * body or a content type pass untouched. One per connection: it remembers the request's method and
 * target. The services and the edge install it with {@link #installer}.
 */
public final class HttpLayerProblems extends ChannelDuplexHandler {

  static final String NAME = "emporium.httpLayerProblems";

  private final IntFunction<String> typeOf;
  private String target = "";
  private boolean head;

  private HttpLayerProblems(IntFunction<String> typeOf) {
    this.typeOf = typeOf;
  }

  /**
   * Installs a handler right after the HTTP codec of every connection; {@code typeOf} gives the
   * problem {@code type} URI for a status (the services' own types, or {@code about:blank}).
   */
  public static NettyServerCustomizer installer(IntFunction<String> typeOf) {
    return server ->
        server.doOnChannelInit(
            (observer, channel, remote) -> {
              if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel
                    .pipeline()
                    .addAfter(NettyPipeline.HttpCodec, NAME, new HttpLayerProblems(typeOf));
              }
            });
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest request) {
      target = request.uri();
      head = HttpMethod.HEAD.equals(request.method());
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    if (msg instanceof FullHttpResponse response
        && response.status().code() >= 400
        && !response.content().isReadable()
        && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
      byte[] body = problem(response.status().code(), response.status().reasonPhrase());
      FullHttpResponse answer = response.replace(Unpooled.wrappedBuffer(head ? new byte[0] : body));
      answer.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
      answer.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
      response.release();
      super.write(ctx, answer, promise);
      return;
    }
    super.write(ctx, msg, promise);
  }

  private byte[] problem(int status, String title) {
    String detail =
        switch (status) {
          case 414 -> "The request line is longer than this server reads.";
          case 431 -> "The request's headers are larger than this server reads.";
          default -> "The request was refused before it could be read.";
        };
    String field = status == 400 ? brokenPart() : null;
    String errors =
        field == null
            ? ""
            : ",\"errors\":[{\"field\":\"%s\",\"message\":\"must be percent-encoded UTF-8\"}]"
                .formatted(field);
    return ("{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"%s}")
        .formatted(typeOf.apply(status), title, status, detail, errors)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** {@code path} or {@code query}, whichever holds a broken percent escape; else null. */
  private String brokenPart() {
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    if (!wellFormed(path)) {
      return "path";
    }
    return question >= 0 && !wellFormed(target.substring(question + 1)) ? "query" : null;
  }

  private static boolean wellFormed(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == '%') {
        if (i + 2 >= raw.length()
            || Character.digit(raw.charAt(i + 1), 16) < 0
            || Character.digit(raw.charAt(i + 2), 16) < 0) {
          return false;
        }
        i += 2;
      }
    }
    return true;
  }
}
