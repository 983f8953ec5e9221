package io.emporium.observability;

import java.nio.file.Path;

/** The repository root: the module runs its tests in observability/. */
public final class Repo {

  public static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private Repo() {}
}
