package io.emporium.launcher;

/**
 * A command of {@code ./emporium} that lives in a module the launcher does not depend on (the
 * bench, which depends on the launcher): {@link Main} adds each one it finds with {@link
 * java.util.ServiceLoader} on its classpath ({@code
 * META-INF/services/io.emporium.launcher.PluggedCommand}) as a picocli subcommand.
 */
public interface PluggedCommand {

  /** The picocli command object: a class annotated with {@code @Command}. */
  Object command();
}
