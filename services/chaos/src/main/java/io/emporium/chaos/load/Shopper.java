package io.emporium.chaos.load;

/** One customer of the load: who the shop sees (the customer id) and where its emails go. */
public record Shopper(String customerId, String email) {}
