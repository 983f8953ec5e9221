package io.emporium.notification.notifications;

import io.emporium.events.Customer;
import io.emporium.notification.email.EmailTemplate;
import java.util.Map;

/**
 * What a listener wants said to a customer about an order: a template and its placeholder values.
 */
public record NotificationRequest(
    Customer customer, String orderId, EmailTemplate template, Map<String, String> values) {}
