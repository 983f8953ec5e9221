package io.emporium.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
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

  static Stream<Path> roots() {
    return Roots.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roots")
  void initsOfflineAndValidates(Path root) throws Exception {
    Terraform terraform =
        Terraform.in(root, "validate-" + root.getParent().getFileName() + "-" + root.getFileName());

    terraform.ok("init", "-backend=false", "-input=false", "-no-color");
    Terraform.Result validate = terraform.run("validate", "-json", "-no-color");

    JsonNode result = JSON.readTree(validate.output().substring(validate.output().indexOf('{')));
    assertThat(result.path("diagnostics")).as("diagnostics of %s", root).isEmpty();
    assertThat(result.path("valid").asBoolean()).as("%s is valid", root).isTrue();
    assertThat(validate.exitCode()).isZero();
  }

  @Test
  void coversEveryModuleAndEnvironment() {
    assertThat(Roots.modules().map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder(
            "data", "edge", "eks", "messaging", "network", "observability", "service-iam");
    assertThat(Roots.envs().map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("dev", "prod");
  }
}
