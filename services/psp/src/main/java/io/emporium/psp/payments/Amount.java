package io.emporium.psp.payments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** An amount in minor units (cents) of an ISO 4217 currency. */
public record Amount(
    @NotNull @Positive Long amountMinor, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {}
