package io.emporium.notification.email;

/** An email ready to send: a subject, a plain-text body and the same as HTML. */
public record RenderedEmail(String subject, String text, String html) {}
