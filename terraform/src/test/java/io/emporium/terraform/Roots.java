package io.emporium.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Terraform configurations of this repository: every module, every environment root and the
 * account-wide roots.
 */
final class Roots {

  static final Path MODULES = Terraform.MODULE_DIR.resolve("modules");
  static final Path ENVS = Terraform.MODULE_DIR.resolve("envs");

  /**
   * The account-wide roots: the state backend (bootstrap) and the registry + CI identity (shared).
   */
  static final List<Path> ACCOUNT =
      List.of(Terraform.MODULE_DIR.resolve("bootstrap"), Terraform.MODULE_DIR.resolve("shared"));

  static final Path TOPOLOGY =
      Terraform.MODULE_DIR.resolve("../events-schema/topology.yaml").normalize();

  static final Path DATA_SCHEMA =
      Terraform.MODULE_DIR.resolve("../events-schema/data-schema.yaml").normalize();

  private Roots() {}

  static Stream<Path> modules() {
    return children(MODULES);
  }

  static Stream<Path> envs() {
    return children(ENVS);
  }

  static Stream<Path> account() {
    return ACCOUNT.stream();
  }

  static Stream<Path> all() {
    return Stream.of(envs(), account(), modules()).flatMap(s -> s);
  }

  private static Stream<Path> children(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
