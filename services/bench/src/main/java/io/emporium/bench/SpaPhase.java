package io.emporium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.bench.proc.Machine;
import io.emporium.bench.report.Figure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Figure 8: the SPA's initial JavaScript (the entry module and the modules index.html preloads,
 * gzipped at level 9) and the time until the home page shows products in Chromium, through the
 * stack's edge, each visit in a fresh browser context.
 */
final class SpaPhase {

  private static final Pattern INITIAL_JS =
      Pattern.compile(
          "<(?:script[^>]*\\bsrc|link[^>]*rel=\"modulepreload\"[^>]*\\bhref)=\"(/[^\"]+\\.js)\"");

  private SpaPhase() {}

  static void run(Run run) throws Exception {
    if (!run.settings.spa()) {
      return;
    }
    Path web = run.stack.settings().repoRoot().resolve("web");
    Path dist = web.resolve("dist");
    if (!Files.isRegularFile(dist.resolve("index.html"))) {
      run.add(
          Figure.notMeasured(8, "SPA initial JS, gzipped", "≤ 150 KB", "web/dist is not built"));
      return;
    }
    Set<String> files = initialScripts(Files.readString(dist.resolve("index.html")));
    long gzipped = 0;
    long raw = 0;
    for (String file : files) {
      byte[] bytes = Files.readAllBytes(dist.resolve(file.substring(1)));
      raw += bytes.length;
      gzipped += gzip(bytes).length;
    }
    double kb = gzipped / 1024.0;
    run.add(
        new Figure(
            8,
            "SPA initial JS, gzipped",
            "%.1f KB".formatted(kb),
            "≤ 150 KB",
            Figure.Verdict.of(kb <= 150),
            "%d files, %.0f KB before gzip".formatted(files.size(), raw / 1024.0),
            ""));
    if (!Files.isDirectory(web.resolve("node_modules/playwright-core"))) {
      run.add(
          Figure.notMeasured(
              8,
              "home page shows products (Chromium)",
              "",
              "web/node_modules has no playwright-core (node web/scripts/install.mjs)"));
      return;
    }
    Path script =
        run.stack.settings().repoRoot().resolve("services/bench/src/main/node/home-page.mjs");
    String out =
        Machine.output(
                "node", script.toString(), web.toString(), run.stack.edgeUrl().toString(), "3")
            .trim();
    String last = out.lines().reduce((a, b) -> b).orElse("");
    if (!last.startsWith("{")) {
      run.add(
          Figure.notMeasured(
              8,
              "home page shows products (Chromium)",
              "",
              "the browser run failed: " + out.lines().limit(3).toList()));
      return;
    }
    JsonNode result = new ObjectMapper().readTree(last);
    long[] runs = new long[result.get("runs").size()];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = result.get("runs").get(i).asLong();
    }
    long[] sorted = runs.clone();
    Arrays.sort(sorted);
    run.add(
        Figure.info(
            8,
            "home page shows products (Chromium, first visit)",
            "%d ms (median of %d)".formatted(sorted[sorted.length / 2], runs.length),
            "each run: "
                + Arrays.toString(runs)
                + " ms, headless Chromium on this machine, through the edge"));
  }

  static Set<String> initialScripts(String indexHtml) {
    Set<String> files = new LinkedHashSet<>();
    Matcher m = INITIAL_JS.matcher(indexHtml);
    while (m.find()) {
      files.add(m.group(1));
    }
    return files;
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
