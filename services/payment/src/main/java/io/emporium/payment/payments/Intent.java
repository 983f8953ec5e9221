package io.emporium.payment.payments;

/**
 * A payment as its intent was committed. {@code fresh}: this handler just recorded it, so no
 * earlier call can have reached the provider; otherwise an earlier attempt (crashed, timed out, or
 * whose outcome failed to commit) may have, and its outcome is looked up first.
 */
record Intent(Payment payment, boolean fresh) {}
