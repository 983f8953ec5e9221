package io.emporium.platform.testing;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * The RSA key moto signs every Cognito token with. It ships in moto's source ({@code
 * moto/cognitoidp/resources/jwks-private.json.gz}), so it is read from the installed package, never
 * copied into this repository. Tests use it to mint tokens that are correctly signed but wrong in
 * one claim (e.g. expired).
 */
final class MotoSigningKey {

  private static final String FIND_MOTO = "import moto, os; print(os.path.dirname(moto.__file__))";

  private static RSAKey key;

  private MotoSigningKey() {}

  static synchronized RSAKey get() {
    if (key == null) {
      Path file = motoPackage().resolve("cognitoidp/resources/jwks-private.json.gz");
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        key = RSAKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException | ParseException e) {
        throw new IllegalStateException("cannot read moto's signing key from " + file, e);
      }
    }
    return key;
  }

  private static Path motoPackage() {
    try {
      Process python =
          new ProcessBuilder("python3", "-c", FIND_MOTO).redirectErrorStream(true).start();
      String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0) {
        throw new IllegalStateException("python3 cannot import moto: " + out);
      }
      return Path.of(out.strip());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run python3 to find moto", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
