package io.emporium.launcher;

import io.emporium.launcher.dlq.DlqCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Java entry point of {@code ./emporium}: {@code up}, {@code down}, {@code status} (the local
 * shop; the repository root is {@code -Demporium.root}, the state folder {@code EMPORIUM_STATE_DIR}
 * or {@code .emporium}); {@code dlq} (dead letters, {@link DlqCommand}). Other commands add
 * themselves here as picocli subcommands; a module that depends on the launcher (the bench) plugs
 * its command in as a {@link PluggedCommand}.
 */
@Command(
    name = "emporium",
    mixinStandardHelpOptions = true,
    subcommands = {UpCommand.class, Main.Down.class, Main.StatusCommand.class})
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    CommandLine line = new CommandLine(new Main()).addSubcommand(DlqCommand.commandLine(out, err));
    ServiceLoader.load(PluggedCommand.class)
        .forEach(plugged -> line.addSubcommand(plugged.command()));
    line.setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(
            (error, command, parsed) -> {
              if (error instanceof LaunchException) {
                err.println("[emporium] error: " + error.getMessage());
                return 1;
              }
              if (DlqCommand.runs(command)) {
                return DlqCommand.failed(error, err);
              }
              throw error;
            });
    System.exit(line.execute(args));
  }

  /** Without a command: what runs. */
  @Override
  public Integer call() {
    Status.print(settings(), System.out);
    return 0;
  }

  /** The standard settings, with the state folder EMPORIUM_STATE_DIR names if set. */
  static StackSettings settings() {
    Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
    String state = System.getenv("EMPORIUM_STATE_DIR");
    StackSettings standard = StackSettings.standard(root);
    return state == null || state.isBlank()
        ? standard
        : new StackSettings(root, standard.ports(), Path.of(state), true, Map.of());
  }

  static void say(String line) {
    System.out.println("[emporium] " + line);
    System.out.flush();
  }

  @Command(name = "down", description = "Stop what ./emporium up started, and wait for its ports.")
  static final class Down implements Callable<Integer> {
    @Override
    public Integer call() {
      Stopping.down(settings(), Main::say);
      return 0;
    }
  }

  @Command(name = "status", description = "What runs, with health.")
  static final class StatusCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      Status.print(settings(), System.out);
      return 0;
    }
  }
}
