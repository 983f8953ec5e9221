package io.emporium.chaos;

import io.emporium.chaos.check.CartRecords;
import io.emporium.chaos.check.PhaseCheck;
import io.emporium.chaos.check.PhaseResult;
import io.emporium.chaos.check.Queues;
import io.emporium.chaos.check.ShopRecords;
import io.emporium.chaos.faults.FaultContext;
import io.emporium.chaos.faults.PoisonLog;
import io.emporium.chaos.load.Attempt;
import io.emporium.chaos.load.CheckoutLoad;
import io.emporium.chaos.load.Shopper;
import io.emporium.chaos.load.SignUps;
import io.emporium.chaos.proxy.AwsFaults;
import io.emporium.chaos.stack.ChaosStack;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a {@link SuitePlan}: starts the {@link ChaosStack}, then for each phase runs the load and
 * the phase's faults at once, clears the faults, lets the shop drain and checks the invariants.
 */
public final class FaultSuite {

  private static final int SKUS_PER_PHASE = 3;

  private final SuitePlan plan;
  private final Consumer<String> progress;
  private final Random random;
  private final String runId;

  public FaultSuite(SuitePlan plan, Consumer<String> progress) {
    this.plan = plan;
    this.progress = progress;
    this.random = new Random(plan.seed());
    this.runId = HexFormat.of().toHexDigits(random.nextInt()).substring(0, 6);
  }

  /** Starts the stack in {@code stateDir}, runs every phase, stops the stack; the results. */
  public List<PhaseResult> run(Path repoRoot, Path stateDir) throws InterruptedException {
    Map<String, List<String>> args =
        Map.of(
            "order",
            List.of(
                "--emporium.order.saga-deadline=" + plan.sagaDeadline().toSeconds() + "s",
                "--emporium.order.deadline-sweep-interval=2s"),
            // Every shopper comes from this machine and retries patiently: the limits stay out of
            // it.
            "edge",
            List.of(
                "--emporium.edge.limits.cart-writes.per-ip.capacity=1000000",
                "--emporium.edge.limits.checkouts.per-ip.capacity=1000000",
                "--emporium.edge.limits.cart-writes.per-customer.capacity=10000",
                "--emporium.edge.limits.checkouts.per-customer.capacity=10000"));
    try (ChaosStack stack = ChaosStack.start(repoRoot, stateDir, args, progress);
        Queues queues = new Queues(stack.emulator());
        CartRecords cart = new CartRecords(stack.emulator())) {
      ShopRecords records = new ShopRecords(stack::jdbcUrl);
      PhaseCheck check = new PhaseCheck(records, cart, queues);
      List<PhaseResult> results = new ArrayList<>();
      for (int i = 0; i < plan.phases().size(); i++) {
        PhaseResult result = runPhase(i, plan.phases().get(i), stack, records, check);
        progress.accept(
            "phase "
                + result.phase()
                + ": "
                + (result.held() ? "every invariant held" : "BROKEN " + result.violations()));
        results.add(result);
      }
      return results;
    }
  }

  private PhaseResult runPhase(
      int index, Phase phase, ChaosStack stack, ShopRecords records, PhaseCheck check)
      throws InterruptedException {
    List<String> skus = records.skus(index * SKUS_PER_PHASE, SKUS_PER_PHASE);
    records.setStock(skus, phase.stockPerSku());
    List<Shopper> shoppers =
        new SignUps(stack.shop().identity(), stack.emulator())
            .shoppers(runId + "-" + index, phase.shoppers());
    progress.accept(
        "phase %s: %d shoppers over %d s buying %s (%d each) — %s"
            .formatted(
                phase.name(),
                phase.shoppers(),
                phase.spread().toSeconds(),
                skus,
                phase.stockPerSku(),
                phase.fault().describe()));
    PoisonLog poison = new PoisonLog();
    AwsFaults.Injected before = stack.aws().injected();
    CheckoutLoad load =
        new CheckoutLoad(stack.edge(), new Random(random.nextLong()), plan.patience());
    FaultContext context =
        new FaultContext(
            stack, Instant.now(), phase.spread(), new Random(random.nextLong()), poison, progress);
    List<Attempt> attempts;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<List<Attempt>> shopping =
          threads.submit(() -> load.run(shoppers, phase.spread(), skus, phase.cards()));
      Future<Void> faults =
          threads.submit(
              () -> {
                phase.fault().inject(context);
                return null;
              });
      attempts = join(shopping);
      join(faults);
    } finally {
      stack.aws().clear();
    }
    AwsFaults.Injected injected = stack.aws().injected().minus(before);
    progress.accept(
        "phase %s: %d checkouts accepted of %d; waiting for the shop to drain"
            .formatted(
                phase.name(),
                attempts.stream().filter(Attempt::accepted).count(),
                attempts.size()));
    return check.check(
        new PhaseCheck.Phase(
            phase.name(),
            phase.fault().describe(),
            shoppers.stream().map(Shopper::customerId).toList(),
            attempts,
            skus,
            phase.stockPerSku(),
            poison,
            describe(injected)),
        plan.drainWithin());
  }

  private static String describe(AwsFaults.Injected injected) {
    List<String> parts = new ArrayList<>();
    if (injected.held() > 0) {
      parts.add(injected.held() + " AWS calls unanswered");
    }
    if (injected.errors() > 0) {
      parts.add(injected.errors() + " AWS errors");
    }
    if (injected.duplicates() > 0) {
      parts.add(injected.duplicates() + " deliveries duplicated");
    }
    if (injected.delayed() > 0) {
      parts.add(injected.delayed() + " delayed");
    }
    return String.join(", ", parts);
  }

  private static <T> T join(Future<T> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the phase failed: " + e.getCause(), e.getCause());
    }
  }
}
