package io.emporium.events.cart;

import io.emporium.events.DomainEvent;
import io.emporium.events.Producer;

/** Events the cart service publishes. */
@Producer("cart")
public sealed interface CartEvent extends DomainEvent permits CartCheckedOut {}
