package io.emporium.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code emporium.web.*}. {@code max-body-size}: the largest request body accepted; when unset,
 * {@code spring.http.codecs.max-in-memory-size} (or the deprecated {@code
 * spring.codec.max-in-memory-size}) if set, else 256KB. {@code max-swallow-size}: how much of a
 * body a service still reads and discards when it answers without reading it (a 413, a 401...), so
 * that a proxy relaying the request gets the answer instead of a reset; default 8MB.
 */
@ConfigurationProperties("emporium.web")
record PlatformWebProperties(DataSize maxBodySize, DataSize maxSwallowSize) {}
