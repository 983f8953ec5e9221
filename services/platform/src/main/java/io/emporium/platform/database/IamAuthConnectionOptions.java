package io.emporium.platform.database;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.util.Locale;
import org.springframework.boot.autoconfigure.r2dbc.ConnectionFactoryOptionsBuilderCustomizer;

/**
 * R2DBC with IAM authentication: the password option becomes a cold {@code Publisher} that
 * r2dbc-postgresql subscribes to each time it opens a connection ({@code
 * SingleHostConnectionFunction#getCredentials}), so every connection the pool opens, however late,
 * logs in with a fresh token. SSL is required (a {@code verify-*} mode from the URL is kept).
 */
final class IamAuthConnectionOptions implements ConnectionFactoryOptionsBuilderCustomizer {

  private static final int DEFAULT_PORT = 5432;

  /** r2dbc-postgresql also accepts a {@code Supplier} or {@code Publisher} of the password. */
  @SuppressWarnings("unchecked")
  private static final Option<Object> PASSWORD =
      (Option<Object>) (Option<?>) ConnectionFactoryOptions.PASSWORD;

  private final IamAuthTokens tokens;

  IamAuthConnectionOptions(IamAuthTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void customize(ConnectionFactoryOptions.Builder builder) {
    ConnectionFactoryOptions options = builder.build();
    String host = options.getRequiredValue(ConnectionFactoryOptions.HOST).toString();
    Object port = options.getValue(ConnectionFactoryOptions.PORT);
    String user = options.getRequiredValue(ConnectionFactoryOptions.USER).toString();
    builder.option(
        PASSWORD,
        tokens.perSubscription(
            host, port == null ? DEFAULT_PORT : Integer.parseInt(port.toString()), user));
    if (!verifiesServer(options.getValue(PostgresqlConnectionFactoryProvider.SSL_MODE))) {
      builder.option(PostgresqlConnectionFactoryProvider.SSL_MODE, SSLMode.REQUIRE);
    }
  }

  /**
   * {@code verify-ca} / {@code verify-full} (as a string or {@link SSLMode}): stricter than
   * require.
   */
  static boolean verifiesServer(Object sslMode) {
    return sslMode != null
        && sslMode.toString().toLowerCase(Locale.ROOT).replace('_', '-').startsWith("verify-");
  }
}
