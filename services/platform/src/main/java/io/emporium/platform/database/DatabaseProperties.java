package io.emporium.platform.database;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * How a service logs in to its PostgreSQL database.
 *
 * @param iamAuth log in with RDS IAM authentication tokens instead of a password (Aurora in AWS):
 *     R2DBC asks for a fresh token on every new connection, Flyway for one at startup; SSL required
 * @param region the region tokens are signed for; {@code null}: Spring Cloud AWS's region
 */
@Validated
@ConfigurationProperties("emporium.database")
public record DatabaseProperties(
    boolean iamAuth, @Nullable @Pattern(regexp = "[a-z]{2}(-[a-z]+)+-\\d+") String region) {}
