package io.emporium.platform.messaging.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP port in front of an endpoint that is either shut (each connection is closed at once, as an
 * endpoint that is down or whose load balancer has no target) or open (bytes are forwarded).
 */
final class TcpGate implements AutoCloseable {

  private final ServerSocket server;
  private final URI target;
  private final AtomicBoolean open = new AtomicBoolean();
  private final AtomicInteger refused = new AtomicInteger();

  TcpGate(URI target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Connections closed while the gate was shut. */
  int refused() {
    return refused.get();
  }

  void open() {
    open.set(true);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (open.get()) {
          Thread.ofVirtual().start(() -> forward(client));
        } else {
          refused.incrementAndGet();
          client.close();
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  private void forward(Socket client) {
    try (client;
        Socket upstream = new Socket(target.getHost(), target.getPort())) {
      Thread back = Thread.ofVirtual().start(() -> pump(upstream, client));
      pump(client, upstream);
      back.join();
    } catch (IOException | InterruptedException e) {
      // the connection ends
    }
  }

  private static void pump(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
      to.shutdownOutput();
    } catch (IOException e) {
      // either side closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
