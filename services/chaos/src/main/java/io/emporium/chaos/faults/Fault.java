package io.emporium.chaos.faults;

/**
 * One kind of fault, injected while the load runs. {@link #inject} returns when the fault is over:
 * everything it broke is back (services restarted, the endpoint answering again).
 */
public interface Fault {

  /** A short description for the report, e.g. "kill -9 catalog, cart … (down 5 s each)". */
  String describe();

  void inject(FaultContext context) throws InterruptedException;
}
