package io.emporium.cart.carts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/cart/merge}: the lines of the browser's guest cart, merged into the
 * account's cart once per {@code guestCartId}.
 */
record MergeRequest(
    @NotNull
        @Pattern(
            regexp = "[A-Za-z0-9_-]{1,64}",
            message = "must be 1-64 characters of letters, digits, '_' or '-'")
        String guestCartId,
    @NotNull @Size(max = CartRules.MAX_LINES) List<ItemRequests.@NotNull @Valid Add> lines) {}
