package io.emporium.platform.deadletters;

/**
 * Who asks, for the audit.
 *
 * @param who the AWS principal's ARN, or {@code token:<subject>} of an admin's access token
 * @param via {@code cli} or {@code admin-api}
 */
public record Actor(String who, String via) {}
