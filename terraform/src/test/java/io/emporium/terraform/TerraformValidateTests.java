package io.emporium.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** terraform init -backend=false + validate for every environment root and every module. */
@Execution(ExecutionMode.CONCURRENT)
class TerraformValidateTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ALIASES =
      Pattern.compile("configuration_aliases\\s*=\\s*\\[([^\\]]*)\\]");

  static Stream<Path> roots() {
    return Roots.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roots")
  void initsOfflineAndValidates(Path root) throws Exception {
    String name = "validate-" + root.getParent().getFileName() + "-" + root.getFileName();
    Terraform terraform = Terraform.in(withDeclaredAliases(root, name), name);

    terraform.ok("init", "-backend=false", "-input=false", "-no-color");
    Terraform.Result validate = terraform.run("validate", "-json", "-no-color");

    JsonNode result = JSON.readTree(validate.output().substring(validate.output().indexOf('{')));
    assertThat(result.path("diagnostics")).as("diagnostics of %s", root).isEmpty();
    assertThat(result.path("valid").asBoolean()).as("%s is valid", root).isTrue();
    assertThat(validate.exitCode()).isZero();
  }

  /**
   * A module whose versions.tf declares configuration_aliases does not validate alone
   * (hashicorp/terraform#28490: "missing provider"): it is validated in a copy of modules/ (its .tf
   * and .json files, and topology.yaml, at the same relative place) under target/ with each alias
   * declared as an empty provider block, standing in for its callers' providers map.
   */
  private static Path withDeclaredAliases(Path root, String name) throws IOException {
    Matcher aliases = ALIASES.matcher(Files.readString(root.resolve("versions.tf")));
    if (!aliases.find()) {
      return root;
    }
    Path repo = Terraform.TARGET.resolve("tf-copies").resolve(name);
    Path modules = repo.resolve("terraform/modules");
    try (Stream<Path> files = Files.walk(Roots.MODULES)) {
      // The modules' .tf files and the data they read (observability's generated slo-alarms.json).
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".tf") || f.toString().endsWith(".json"))
              .filter(f -> !f.toString().contains("/.terraform/"))
              .toList()) {
        copy(file, modules.resolve(Roots.MODULES.relativize(file).toString()));
      }
    }
    copy(Roots.TOPOLOGY, repo.resolve("events-schema/topology.yaml"));
    StringBuilder providers = new StringBuilder();
    for (String alias : aliases.group(1).split(",")) {
      String[] parts = alias.strip().split("\\.");
      providers.append("provider \"%s\" {\n  alias = \"%s\"\n}\n".formatted(parts[0], parts[1]));
    }
    Path module = modules.resolve(root.getFileName().toString());
    Files.writeString(module.resolve("validate_providers.tf"), providers);
    return module;
  }

  private static void copy(Path file, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void coversEveryModuleAndEnvironment() {
    assertThat(Roots.modules().map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder(
            "ci-identity",
            "data",
            "ecr",
            "edge",
            "eks",
            "identity",
            "ingress",
            "messaging",
            "network",
            "observability",
            "platform",
            "service-iam",
            "state-backend");
    assertThat(Roots.envs().map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("dev", "prod");
  }
}
