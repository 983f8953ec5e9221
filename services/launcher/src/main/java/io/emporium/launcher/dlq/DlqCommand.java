package io.emporium.launcher.dlq;

import io.emporium.launcher.dlq.AdminApi.AdminApiException;
import io.emporium.platform.deadletters.UnknownQueueException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * {@code ./emporium dlq list|show|replay|purge|audit}, also the standalone jar ({@link DlqMain}):
 * dead letters for on-call, against the local emulator or any AWS account. Errors are one line;
 * exit codes are {@link ExitCodes}.
 */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    subcommands = {
      ListCommand.class,
      ShowCommand.class,
      ReplayCommand.class,
      PurgeCommand.class,
      AuditCommand.class
    },
    description = {
      "Dead letters: inspect, replay, purge, audit.",
      "Beside the DLQs, outbox:<service> names the dead letters of a service's outbox (events it"
          + " could never publish): list, show and replay them (through the services' admin API:"
          + " --api-url, an admin's token); replays of both kinds are audited."
    },
    footer = {
      "",
      "Exit codes: 0 done; 1 unexpected error; 2 usage; 3 unknown queue; 4 endpoint unreachable;",
      "5 missing or refused credentials; 6 incomplete (failed again, not moved, ids not found);",
      "7 purge not confirmed."
    })
public final class DlqCommand implements Runnable {

  private final PrintWriter out;
  private final PrintWriter err;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  DlqCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Runs {@code args} (after {@code dlq}) and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine command = commandLine(out, err);
    command.setExecutionExceptionHandler((e, line, parsed) -> failed(e, err));
    return command.execute(args);
  }

  /**
   * {@code dlq} and its subcommands, writing to {@code out} and {@code err}: the launcher's {@code
   * Main} adds it as a subcommand; its exception handler passes what {@link #runs} to {@link
   * #failed}.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return new CommandLine(new DlqCommand(out, err)).setOut(out).setErr(err);
  }

  /** Whether {@code command} is {@code dlq} or one of its subcommands. */
  public static boolean runs(CommandLine command) {
    for (CommandLine c = command; c != null; c = c.getParent()) {
      if (c.getCommand() instanceof DlqCommand) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run() {
    spec.commandLine().usage(out);
  }

  Output output(Connection connection) {
    return new Output(out, err, connection.json);
  }

  /** Prints {@code e} as one line and returns its exit code ({@link ExitCodes}). */
  public static int failed(Exception e, PrintWriter err) {
    int code = code(e);
    err.println("[dlq] error: " + message(e, code));
    err.flush();
    return code;
  }

  static int code(Throwable e) {
    if (e instanceof UnknownQueueException) {
      return ExitCodes.UNKNOWN_QUEUE;
    }
    if (e instanceof AdminApiException api) {
      return switch (api.status()) {
        case 0 -> ExitCodes.UNREACHABLE;
        case 401, 403 -> ExitCodes.CREDENTIALS;
        case 400 -> ExitCodes.USAGE;
        case 404 -> ExitCodes.UNKNOWN_QUEUE;
        default -> ExitCodes.ERROR;
      };
    }
    if (e instanceof IllegalArgumentException) {
      return ExitCodes.USAGE;
    }
    if (e instanceof AwsServiceException aws) {
      String code =
          aws.awsErrorDetails() == null ? "" : String.valueOf(aws.awsErrorDetails().errorCode());
      return aws.statusCode() == 403
              || code.contains("InvalidClientTokenId")
              || code.contains("ExpiredToken")
              || code.contains("AccessDenied")
              || code.contains("UnrecognizedClient")
              || code.contains("SignatureDoesNotMatch")
          ? ExitCodes.CREDENTIALS
          : ExitCodes.ERROR;
    }
    if (e instanceof SdkClientException) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof ConnectException
            || cause instanceof UnknownHostException
            || cause instanceof HttpConnectTimeoutException) {
          return ExitCodes.UNREACHABLE;
        }
      }
      String text = String.valueOf(e.getMessage());
      if (text.contains("credentials") || text.contains("Credentials")) {
        return ExitCodes.CREDENTIALS;
      }
      if (text.contains("Unable to execute HTTP request")) {
        return ExitCodes.UNREACHABLE;
      }
    }
    return ExitCodes.ERROR;
  }

  private static String message(Exception e, int code) {
    String text =
        e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    if (e instanceof AdminApiException) {
      return text;
    }
    return switch (code) {
      case ExitCodes.UNREACHABLE -> "cannot reach the AWS endpoint: " + text;
      case ExitCodes.CREDENTIALS ->
          "no usable AWS credentials (" + text + "): set AWS_PROFILE or sign in (aws sso login)";
      default -> text;
    };
  }
}
