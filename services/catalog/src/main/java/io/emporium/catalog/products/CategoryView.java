package io.emporium.catalog.products;

/** A category and how many products it holds. */
record CategoryView(String slug, String name, String description, long productCount) {}
