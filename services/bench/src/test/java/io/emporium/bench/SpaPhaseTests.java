package io.emporium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SpaPhaseTests {

  @Test
  void theInitialScriptsAreTheEntryModuleAndWhatIndexHtmlPreloads() {
    String index =
        """
        <script type="module" crossorigin src="/assets/index-DEyDTVt0.js"></script>
        <link rel="modulepreload" crossorigin href="/assets/vendor-abc.js">
        <link rel="stylesheet" crossorigin href="/assets/index-BWEv2jP5.css">
        """;

    assertThat(SpaPhase.initialScripts(index))
        .containsExactly("/assets/index-DEyDTVt0.js", "/assets/vendor-abc.js");
  }

  @Test
  void gzipsSoThatItUnzipsToTheSameBytes() throws Exception {
    byte[] text = "const a = 1;\n".repeat(1000).getBytes();

    byte[] zipped = SpaPhase.gzip(text);

    assertThat(zipped.length).isLessThan(text.length / 20);
    assertThat(new GZIPInputStream(new java.io.ByteArrayInputStream(zipped)).readAllBytes())
        .isEqualTo(text);
  }
}
