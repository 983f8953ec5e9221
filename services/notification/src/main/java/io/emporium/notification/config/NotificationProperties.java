package io.emporium.notification.config;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.notification.*}.
 *
 * @param sender the SES identity emails are sent from
 * @param sendLease how long one delivery owns the sending of a notification before another may try
 *     (about the queue's visibility timeout)
 */
@Validated
@ConfigurationProperties("emporium.notification")
public record NotificationProperties(
    @NotBlank @Email @DefaultValue("shop@emporium.local") String sender,
    @NotNull @DefaultValue("30s") Duration sendLease) {}
