package io.emporium.notification.email;

/**
 * The emails customers get, each from {@code templates/<name>/subject.txt}, {@code body.txt} and
 * {@code body.html}.
 */
public enum EmailTemplate {
  ORDER_CONFIRMED("order-confirmed"),
  ORDER_CANCELLED("order-cancelled"),
  PAYMENT_REFUNDED("payment-refunded");

  private final String templateName;

  EmailTemplate(String templateName) {
    this.templateName = templateName;
  }

  /** The name stored with a notification and shown in the inbox, e.g. {@code order-confirmed}. */
  public String templateName() {
    return templateName;
  }
}
