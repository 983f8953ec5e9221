package io.emporium.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code emporium.web.*}. {@code max-body-size}: the largest request body accepted; when unset,
 * {@code spring.http.codecs.max-in-memory-size} (or the deprecated {@code
 * spring.codec.max-in-memory-size}) if set, else 256KB.
 */
@ConfigurationProperties("emporium.web")
record PlatformWebProperties(DataSize maxBodySize) {}
