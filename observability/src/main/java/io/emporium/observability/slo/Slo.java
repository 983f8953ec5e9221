package io.emporium.observability.slo;

import java.util.List;

/**
 * One objective: its SLI, the objective in percent over the file's window, and, for a per-service
 * SLO, the services it holds for one by one (their {@code application} label).
 */
public record Slo(
    String name,
    String alert,
    String title,
    String description,
    double objective,
    List<String> services,
    Sli sli) {

  public Slo {
    services = services == null ? List.of() : List.copyOf(services);
    if (objective <= 0 || objective >= 100) {
      throw new IllegalArgumentException(name + ": objective must be a percentage in (0, 100)");
    }
  }

  /** The share of events (or time) allowed to be bad: 1 - objective. */
  public double errorBudget() {
    return Math.round((100 - objective) * 1e6) / 1e8;
  }

  public boolean perService() {
    return !services.isEmpty();
  }

  /** The services it is evaluated for; one null entry for a shop-wide SLO. */
  public List<String> scopes() {
    return perService() ? services : java.util.Collections.singletonList(null);
  }
}
