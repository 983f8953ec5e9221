package io.emporium.events.topology;

/** Settings shared by every queue and its DLQ. */
public record QueueSettings(
    int maxReceiveCount,
    int visibilityTimeoutSeconds,
    int messageRetentionSeconds,
    int dlqRetentionSeconds,
    int receiveWaitTimeSeconds) {}
