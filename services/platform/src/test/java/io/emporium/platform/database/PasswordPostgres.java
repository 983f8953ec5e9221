package io.emporium.platform.database;

import io.emporium.local.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;

/**
 * A local PostgreSQL that behaves like Aurora with IAM authentication for one user: {@code user}
 * may only log in over SSL and with {@code password} (SCRAM), like a token-checking server.
 */
final class PasswordPostgres implements AutoCloseable {

  static final String USER = "iam_user";
  static final String DATABASE = "iam_db";

  private final LocalPostgres postgres;

  private PasswordPostgres(LocalPostgres postgres) {
    this.postgres = postgres;
  }

  static PasswordPostgres start(String password) throws Exception {
    var postgres = LocalPostgres.start();
    try (Connection admin = admin(postgres)) {
      var statement = admin.createStatement();
      statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
      statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
      Path dataDirectory = Path.of(show(admin, "data_directory"));
      writeSelfSignedCertificate(dataDirectory);
      Files.write(
          Path.of(show(admin, "hba_file")),
          List.of(
              "local all all trust",
              "host all " + LocalPostgres.USER + " 127.0.0.1/32 trust",
              "hostssl all " + USER + " 127.0.0.1/32 scram-sha-256",
              "hostnossl all " + USER + " 127.0.0.1/32 reject"));
      statement.execute("ALTER SYSTEM SET ssl = on");
      statement.execute("SELECT pg_reload_conf()");
    }
    awaitSsl(postgres);
    return new PasswordPostgres(postgres);
  }

  String r2dbcUrl() {
    return postgres.r2dbcUrl(DATABASE);
  }

  String jdbcUrl() {
    return postgres.jdbcUrl(DATABASE);
  }

  int port() {
    return postgres.port();
  }

  @Override
  public void close() {
    postgres.close();
  }

  private static Connection admin(LocalPostgres postgres) throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl("postgres"), LocalPostgres.USER, "");
  }

  private static String show(Connection connection, String setting) throws SQLException {
    var result = connection.createStatement().executeQuery("SHOW " + setting);
    result.next();
    return result.getString(1);
  }

  private static void awaitSsl(LocalPostgres postgres) throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (Connection admin = admin(postgres)) {
        if ("on".equals(show(admin, "ssl"))) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("PostgreSQL did not turn SSL on (see its log)");
  }

  /** server.crt and server.key in the data directory (PostgreSQL's defaults), made by keytool. */
  private static void writeSelfSignedCertificate(Path dataDirectory) throws Exception {
    Path keyStore = Files.createTempFile("postgres-ssl", ".p12");
    Files.delete(keyStore);
    try {
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      Process process =
          new ProcessBuilder(
                  keytool,
                  "-genkeypair",
                  "-alias",
                  "server",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-dname",
                  "CN=localhost",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  keyStore.toString(),
                  "-storepass",
                  "changeit")
              .redirectErrorStream(true)
              .start();
      if (process.waitFor() != 0) {
        throw new IOException(
            "keytool failed: " + new String(process.getInputStream().readAllBytes()));
      }
      var store = KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(keyStore)) {
        store.load(in, "changeit".toCharArray());
      }
      var key = store.getKey("server", "changeit".toCharArray());
      var certificate = store.getCertificate("server");
      Path keyFile = dataDirectory.resolve("server.key");
      Files.writeString(
          dataDirectory.resolve("server.crt"), pem("CERTIFICATE", certificate.getEncoded()));
      Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    } finally {
      Files.deleteIfExists(keyStore);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
