package io.emporium.platform.database;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails;

/**
 * Flyway with IAM authentication: migrations run once, at startup, over JDBC; their connections log
 * in with a token signed when Flyway is configured (valid for 15 minutes) and require SSL.
 */
final class IamAuthFlywayCustomizer implements FlywayConfigurationCustomizer {

  private static final int DEFAULT_PORT = 5432;
  private static final Pattern SSL_MODE = Pattern.compile("(?i)([?&])sslmode=([^&]*)");

  private final ObjectProvider<FlywayConnectionDetails> connection;
  private final IamAuthTokens tokens;

  IamAuthFlywayCustomizer(
      ObjectProvider<FlywayConnectionDetails> connection, IamAuthTokens tokens) {
    this.connection = connection;
    this.tokens = tokens;
  }

  @Override
  public void customize(FluentConfiguration configuration) {
    FlywayConnectionDetails details = connection.getObject();
    String url = details.getJdbcUrl();
    String user = details.getUsername();
    if (url == null || user == null) {
      throw new IllegalStateException(
          "emporium.database.iam-auth needs spring.flyway.url and spring.flyway.user");
    }
    URI server = URI.create(url.substring("jdbc:".length()));
    if (server.getHost() == null) {
      throw new IllegalStateException("not a single-host PostgreSQL JDBC URL: " + url);
    }
    int port = server.getPort() == -1 ? DEFAULT_PORT : server.getPort();
    configuration.dataSource(requireSsl(url), user, tokens.generate(server.getHost(), port, user));
  }

  /** {@code url} with {@code sslmode=require} unless it already asks for {@code verify-*}. */
  static String requireSsl(String url) {
    Matcher mode = SSL_MODE.matcher(url);
    if (!mode.find()) {
      return url + (url.contains("?") ? "&" : "?") + "sslmode=require";
    }
    if (IamAuthConnectionOptions.verifiesServer(mode.group(2))) {
      return url;
    }
    return mode.replaceFirst("$1sslmode=require");
  }
}
