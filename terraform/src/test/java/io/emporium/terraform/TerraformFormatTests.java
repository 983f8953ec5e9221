package io.emporium.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerraformFormatTests {

  @Test
  void everyTerraformFileIsFormatted() {
    Terraform.Result fmt =
        Terraform.in(Terraform.MODULE_DIR, "fmt")
            .run("fmt", "-check", "-recursive", "-diff", "-no-color");

    assertThat(fmt.exitCode())
        .as(
            "terraform fmt -check -recursive (run terraform fmt -recursive terraform/):%n%s",
            fmt.output())
        .isZero();
  }
}
