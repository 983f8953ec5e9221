package io.emporium.events;

/** Who an event concerns, with what notifications need to reach them. */
public record Customer(String id, String email) {}
