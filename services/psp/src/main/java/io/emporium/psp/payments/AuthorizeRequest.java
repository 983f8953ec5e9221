package io.emporium.psp.payments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/psp/v1/authorizations}: hold {@code amount} on the card behind the token. */
public record AuthorizeRequest(
    @NotBlank @Size(max = 256) String paymentMethodToken,
    @NotNull @Valid Amount amount,
    @Size(max = 128) String reference) {}
