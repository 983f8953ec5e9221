package io.emporium.platform.database;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.rds.RdsUtilities;
import software.amazon.awssdk.services.rds.model.GenerateAuthenticationTokenRequest;

/** Stands in for AWS: hands out {@code password} as every token and remembers what was asked. */
final class CountingRdsUtilities implements RdsUtilities {

  final List<GenerateAuthenticationTokenRequest> requests = new CopyOnWriteArrayList<>();
  private final String password;

  CountingRdsUtilities(String password) {
    this.password = password;
  }

  @Override
  public String generateAuthenticationToken(GenerateAuthenticationTokenRequest request) {
    requests.add(request);
    return password;
  }

  int calls() {
    return requests.size();
  }
}
