package io.emporium.platform.messaging.r2dbc;

import io.emporium.platform.messaging.OutgoingEvent;

/** An outbox row claimed by the relay, with how often it has failed to publish before. */
record PendingRow(OutgoingEvent event, int attempts) {}
