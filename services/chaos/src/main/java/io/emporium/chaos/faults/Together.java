package io.emporium.chaos.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Several faults during the same load, each on its own schedule: the mixed phase. */
public record Together(List<Fault> faults) implements Fault {

  @Override
  public String describe() {
    return String.join("; ", faults.stream().map(Fault::describe).toList());
  }

  @Override
  public void inject(FaultContext context) throws InterruptedException {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Void>> running = new ArrayList<>();
      for (Fault fault : faults) {
        running.add(
            threads.submit(
                () -> {
                  fault.inject(context);
                  return null;
                }));
      }
      for (Future<Void> fault : running) {
        try {
          fault.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("fault failed: " + e.getCause(), e.getCause());
        }
      }
    }
  }
}
