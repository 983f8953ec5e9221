package io.emporium.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An image as Jib's {@code buildTar} writes it (the {@code docker load} layout): manifest.json,
 * config.json and gzipped layer tars. Read with a minimal ustar reader: enough to see the image's
 * reference, configuration and which files each layer holds.
 */
record ImageTar(String reference, JsonNode config, List<String> files) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ImageTar read(Path tar) {
    try (InputStream in = Files.newInputStream(tar)) {
      Map<String, byte[]> entries = entries(in);
      JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
      JsonNode config = JSON.readTree(entries.get(manifest.get("Config").asText())).get("config");
      List<String> files = new ArrayList<>();
      for (JsonNode layer : manifest.get("Layers")) {
        byte[] gzipped = entries.get(layer.asText());
        try (InputStream layerIn = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
          files.addAll(entries(layerIn).keySet());
        }
      }
      return new ImageTar(manifest.get("RepoTags").get(0).asText(), config, files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image " + tar, e);
    }
  }

  /** Entry name → content of a tar stream (PAX extended headers skipped). */
  private static Map<String, byte[]> entries(InputStream in) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    byte[] header = new byte[512];
    while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
      String name = text(header, 0, 100);
      String prefix = text(header, 345, 155);
      long size =
          Long.parseLong(
              text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
      byte[] content = in.readNBytes((int) size);
      in.skipNBytes((512 - size % 512) % 512);
      char kind = (char) header[156];
      if (kind != 'x' && kind != 'g') {
        entries.put(prefix.isEmpty() ? name : prefix + "/" + name, content);
      }
    }
    return entries;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
