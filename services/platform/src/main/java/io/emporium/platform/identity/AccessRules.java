package io.emporium.platform.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * What a service opens to everyone and what it keeps for admins; everything else needs a valid
 * access token. A service declares a bean, e.g. the catalog: {@code
 * AccessRules.publicReads("/api/catalog/products/**").withAdmins("/api/catalog/admin/**")}. The
 * platform itself opens health, Prometheus and the OpenAPI docs, and keeps the rest of /actuator
 * for admins.
 *
 * @param open endpoints anyone may call (a null method: any method)
 * @param admin path patterns only members of the {@code admins} group may call
 */
public record AccessRules(List<Endpoint> open, List<String> admin) {

  public AccessRules {
    open = List.copyOf(open);
    admin = List.copyOf(admin);
  }

  /** A method (null: any) and a path pattern. */
  public record Endpoint(HttpMethod method, String pattern) {}

  /** GET on these path patterns needs no token. */
  public static AccessRules publicReads(String... patterns) {
    return new AccessRules(List.of(), List.of()).withPublic(HttpMethod.GET, patterns);
  }

  /** These rules, with {@code method} (null: any) on {@code patterns} open to everyone. */
  public AccessRules withPublic(HttpMethod method, String... patterns) {
    List<Endpoint> more = new ArrayList<>(open);
    for (String pattern : patterns) {
      more.add(new Endpoint(method, pattern));
    }
    return new AccessRules(more, admin);
  }

  /** These rules, with {@code patterns} (any method) kept for the admins group. */
  public AccessRules withAdmins(String... patterns) {
    List<String> more = new ArrayList<>(admin);
    more.addAll(List.of(patterns));
    return new AccessRules(open, more);
  }
}
