package io.emporium.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine's offline provider mirror (a filesystem_mirror holding
 * registry.terraform.io/hashicorp/aws) and a Terraform CLI configuration that installs providers
 * from it only.
 */
final class PluginMirror {

  private static final Path AWS = Path.of("registry.terraform.io", "hashicorp", "aws");

  private PluginMirror() {}

  /**
   * The mirror root: {@code -Dterraform.plugin.mirror}, {@code $TF_PLUGIN_MIRROR}, or the first
   * directory holding registry.terraform.io/hashicorp/aws under the usual install roots.
   */
  static Path find() {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(System.getProperty("terraform.plugin.mirror"))
        .map(Path::of)
        .ifPresent(candidates::add);
    Optional.ofNullable(System.getenv("TF_PLUGIN_MIRROR")).map(Path::of).ifPresent(candidates::add);
    for (Path explicit : candidates) {
      if (Files.isDirectory(explicit.resolve(AWS))) {
        return explicit;
      }
    }
    Path home = Path.of(System.getProperty("user.home"));
    return Stream.of(
            Path.of("/opt"),
            Path.of("/usr/local/share"),
            Path.of("/usr/share"),
            home.resolve(".terraform.d"),
            home.resolve(".local/share/terraform"))
        .filter(Files::isDirectory)
        .flatMap(PluginMirror::search)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no Terraform provider mirror with hashicorp/aws found: set -Dterraform.plugin.mirror"
                        + " or TF_PLUGIN_MIRROR to the directory holding registry.terraform.io/"));
  }

  /** Writes a CLI configuration using only {@code mirror} and returns its path. */
  static Path writeCliConfig(Path mirror, Path file) {
    String config =
        """
        provider_installation {
          filesystem_mirror {
            path    = "%s"
            include = ["registry.terraform.io/*/*"]
          }
        }
        """
            .formatted(mirror.toAbsolutePath());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, config);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> search(Path root) {
    try (Stream<Path> walk = Files.walk(root, 6)) {
      return walk
          .filter(Files::isDirectory)
          .filter(dir -> dir.endsWith(AWS))
          .map(dir -> dir.getParent().getParent().getParent())
          .toList()
          .stream();
    } catch (IOException | UncheckedIOException e) {
      return Stream.empty();
    }
  }
}
