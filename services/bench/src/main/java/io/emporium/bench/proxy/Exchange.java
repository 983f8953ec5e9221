package io.emporium.bench.proxy;

import java.util.Map;

/**
 * A request the proxy forwarded and its answer, kept while capturing: the headers that matter to
 * the emulator (to replay it), both bodies and when it arrived.
 */
public record Exchange(
    AwsCall call,
    String path,
    Map<String, String> headers,
    byte[] request,
    int status,
    byte[] response,
    long arrivedNanos) {}
