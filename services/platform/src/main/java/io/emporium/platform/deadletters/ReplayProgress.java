package io.emporium.platform.deadletters;

/** Where a long replay is: moved so far out of a snapshot, and failed again. */
public record ReplayProgress(int snapshot, int moved, int failedAgain, String note) {}
