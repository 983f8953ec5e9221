package io.emporium.events.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compatibility gate: compares the schemas as last released ({@code events-schema/released/})
 * with the current ones ({@code src/main/resources/schemas/}) and lists every breaking change.
 *
 * <p>Compatible: adding an optional property, a new definition, a new event type. Breaking:
 * removing a property (renaming is a removal plus an addition), changing its {@code type}, {@code
 * $ref}, {@code format}, {@code enum} or {@code const}, making an optional property required,
 * adding a required property, making a required property optional (consumers rely on it), removing
 * a definition, or removing a whole schema (an event type). A breaking change is a new major
 * version ({@code .v2}) published beside the old one, never an edit of the released one.
 */
public final class SchemaCompatibility {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaCompatibility() {}

  /**
   * Every breaking change between the {@code *.json} schemas under {@code released} and those under
   * {@code current}, matched by relative path; empty when current is compatible.
   */
  public static List<String> breakingChanges(Path released, Path current) {
    List<String> changes = new ArrayList<>();
    for (Path relative : schemaFiles(released)) {
      String name = relative.toString().replace('\\', '/');
      Path now = current.resolve(relative);
      if (!Files.isRegularFile(now)) {
        changes.add(name + ": schema removed (a released event type or definition must stay)");
      } else {
        changes.addAll(breakingChanges(name, read(released.resolve(relative)), read(now)));
      }
    }
    return changes;
  }

  /** Every breaking change from one released schema to its current version. */
  public static List<String> breakingChanges(String name, JsonNode released, JsonNode current) {
    List<String> changes = new ArrayList<>();
    new SchemaComparison(name, changes).compare("#", released, current);
    return changes;
  }

  /** The relative paths of the {@code *.json} files under {@code root}, sorted. */
  static List<Path> schemaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .map(root::relativize)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + file, e);
    }
  }

  /**
   * {@code released current}: prints the breaking changes and exits 1 if there are any. The build
   * runs the same check in {@code SchemaCompatibilityContractTests}.
   */
  public static void main(String[] args) {
    Path released = Path.of(args.length > 0 ? args[0] : "events-schema/released");
    Path current = Path.of(args.length > 1 ? args[1] : "events-schema/src/main/resources/schemas");
    List<String> changes = breakingChanges(released, current);
    changes.forEach(System.out::println);
    if (!changes.isEmpty()) {
      System.exit(1);
    }
    System.out.println("compatible with the released schemas: " + released);
  }
}
