package io.emporium.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * House conventions (terraform-aws-modules layout): the five files per module, every variable typed
 * and described and listed in the README, every output described, providers pinned.
 */
class TerraformConventionsTests {

  private static final Pattern BLOCK =
      Pattern.compile("(?m)^(variable|output) \"([^\"]+)\" \\{\\n");

  static Stream<Path> modules() {
    return Roots.modules();
  }

  static Stream<Path> roots() {
    return Roots.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void moduleHasTheStandardFiles(Path module) {
    for (String file :
        List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md")) {
      assertThat(module.resolve(file)).as("%s/%s", module.getFileName(), file).isRegularFile();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roots")
  void everyVariableIsTypedAndDescribedAndEveryOutputDescribed(Path root) throws IOException {
    for (Block block : blocks(root)) {
      assertThat(block.body())
          .as("%s %s in %s has a description", block.kind(), block.name(), root)
          .containsPattern("(?m)^  description\\s+=");
      if (block.kind().equals("variable")) {
        assertThat(block.body())
            .as("variable %s in %s has a type", block.name(), root)
            .containsPattern("(?m)^  type\\s+=");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void readmeListsEveryVariableAndOutput(Path module) throws IOException {
    String readme = Files.readString(module.resolve("README.md"));

    for (Block block : blocks(module)) {
      assertThat(readme)
          .as("%s README lists %s %s", module.getFileName(), block.kind(), block.name())
          .contains("`" + block.name() + "`");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roots")
  void pinsTerraformAndTheAwsProvider(Path root) throws IOException {
    String versions = Files.readString(root.resolve("versions.tf"));

    assertThat(versions)
        .contains("required_version = \">= 1.5\"")
        .containsPattern("source\\s+= \"hashicorp/aws\"")
        .containsPattern("version\\s+= \"~> 5.100\"");
  }

  record Block(String kind, String name, String body) {}

  /** variable and output blocks of a directory's .tf files (top level, brace-matched). */
  static List<Block> blocks(Path dir) throws IOException {
    List<Block> blocks = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
        String text = Files.readString(file);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
          int depth = 1;
          int i = m.end();
          while (depth > 0) {
            char c = text.charAt(i++);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
          }
          blocks.add(new Block(m.group(1), m.group(2), text.substring(m.end(), i - 1)));
        }
      }
    }
    return blocks;
  }
}
