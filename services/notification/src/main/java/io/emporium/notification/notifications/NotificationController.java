package io.emporium.notification.notifications;

import io.emporium.boundary.identity.CustomerId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The shopper's inbox: what we told them, newest first. */
@RestController
@RequestMapping("/api/notification/notifications")
class NotificationController {

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  Mono<Page<NotificationView>> inbox(
      CustomerId customer,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return notifications.inbox(customer, page, size);
  }
}
