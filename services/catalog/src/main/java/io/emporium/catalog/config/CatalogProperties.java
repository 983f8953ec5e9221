package io.emporium.catalog.config;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.catalog.*}.
 *
 * @param currency the one currency every price of the catalog is in (ISO 4217)
 */
@Validated
@ConfigurationProperties("emporium.catalog")
public record CatalogProperties(
    @Pattern(regexp = "[A-Z]{3}") @DefaultValue("EUR") String currency) {}
