package io.emporium.events.catalog;

/** A line that could not be reserved: how many were asked for and how many there were. */
public record ShortLine(String sku, int requested, int available) {}
