package io.emporium.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthContributorNameFactory;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;

/**
 * Puts every {@link LoopPulse} (the outbox relay's {@code outboxRelay}, the order service's {@code
 * sagaDeadline}, …) in the {@code liveness} health group, whatever the service's configuration
 * says: a loop that hangs is cured by a restart, and nothing else would notice it. The other groups
 * and the rest of liveness are left as configured; a service without a liveness group (probes off)
 * is left alone.
 */
public final class LoopsInLiveness implements HealthEndpointGroupsPostProcessor {

  static final String LIVENESS = "liveness";

  private final ListableBeanFactory beans;

  public LoopsInLiveness(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
    HealthEndpointGroup liveness = groups.get(LIVENESS);
    if (liveness == null) {
      return groups;
    }
    Set<String> loops =
        Stream.of(beans.getBeanNamesForType(LoopPulse.class, false, false))
            .map(HealthContributorNameFactory.INSTANCE)
            .collect(Collectors.toUnmodifiableSet());
    Map<String, HealthEndpointGroup> others = new LinkedHashMap<>();
    for (String name : groups.getNames()) {
      others.put(name, name.equals(LIVENESS) ? new WithLoops(liveness, loops) : groups.get(name));
    }
    return HealthEndpointGroups.of(groups.getPrimary(), others);
  }

  /** The configured group, with the loops as members too. */
  private record WithLoops(HealthEndpointGroup group, Set<String> loops)
      implements HealthEndpointGroup {

    @Override
    public boolean isMember(String name) {
      return loops.contains(name) || group.isMember(name);
    }

    @Override
    public boolean showComponents(SecurityContext securityContext) {
      return group.showComponents(securityContext);
    }

    @Override
    public boolean showDetails(SecurityContext securityContext) {
      return group.showDetails(securityContext);
    }

    @Override
    public StatusAggregator getStatusAggregator() {
      return group.getStatusAggregator();
    }

    @Override
    public HttpCodeStatusMapper getHttpCodeStatusMapper() {
      return group.getHttpCodeStatusMapper();
    }

    @Override
    public AdditionalHealthEndpointPath getAdditionalPath() {
      return group.getAdditionalPath();
    }
  }
}
