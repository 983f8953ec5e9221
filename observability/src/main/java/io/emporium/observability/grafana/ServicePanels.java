package io.emporium.observability.grafana;

import static io.emporium.observability.grafana.Panel.q;
import static io.emporium.observability.grafana.Panel.timeseries;

import java.util.List;

/** What only one service measures: its business meters on its own dashboard. */
final class ServicePanels {

  private ServicePanels() {}

  static List<Panel> of(String service, String app) {
    return switch (service) {
      case "order" ->
          List.of(
              timeseries(
                  "Orders placed and their outcomes (per second)",
                  "ops",
                  q("sum(rate(orders_placed_total{" + app + "}[5m]))", "placed"),
                  q(
                      "sum by (outcome) (rate(orders_completed_total{" + app + "}[5m]))",
                      "{{outcome}}")),
              timeseries(
                  "Checkout to outcome by outcome, p95",
                  "s",
                  q(
                      Dashboards.quantile(
                          0.95, "orders_checkout_duration_seconds_bucket", app, "outcome"),
                      "{{outcome}}")));
      case "cart" ->
          List.of(
              timeseries(
                  "Checkouts and items added (per second)",
                  "ops",
                  q(
                      "sum by (outcome) (rate(emporium_cart_checkouts_total{" + app + "}[5m]))",
                      "checkout {{outcome}}"),
                  q("sum(rate(emporium_cart_items_added_total{" + app + "}[5m]))", "items added")));
      case "catalog" ->
          List.of(
              timeseries(
                  "Stock reservations (per second)",
                  "ops",
                  q(
                      "sum by (outcome) (rate(emporium_catalog_reservations_total{"
                          + app
                          + "}[5m]))",
                      "{{outcome}}")));
      case "payment" ->
          List.of(
              timeseries(
                  "Authorizations (per second)",
                  "ops",
                  q(
                      "sum by (outcome) (rate(emporium_payment_authorizations_total{"
                          + app
                          + "}[5m]))",
                      "{{outcome}}")));
      case "notification" ->
          List.of(
              timeseries(
                  "Emails sent (per second; failures: Events consumed, failed)",
                  "ops",
                  q(
                      "sum by (template) (rate(emporium_notification_sent_total{" + app + "}[5m]))",
                      "sent {{template}}")));
      default -> List.of();
    };
  }
}
