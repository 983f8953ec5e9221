package io.emporium.launcher.dlq;

import java.io.PrintWriter;

/**
 * The standalone jar's entry point ({@code java -jar launcher-<version>-dlq.jar list --env prod}):
 * the same commands as {@code ./emporium dlq}, for a machine without the repository.
 */
public final class DlqMain {

  private DlqMain() {}

  public static void main(String[] args) {
    System.exit(
        DlqCommand.execute(
            args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }
}
