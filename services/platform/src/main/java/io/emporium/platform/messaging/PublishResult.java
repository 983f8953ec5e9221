package io.emporium.platform.messaging;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Which events SNS accepted, and why the others were not. */
public record PublishResult(Set<UUID> published, Map<UUID, String> failed) {}
