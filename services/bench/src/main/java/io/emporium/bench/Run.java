package io.emporium.bench;

import io.emporium.bench.load.Load;
import io.emporium.bench.proc.CpuMeter;
import io.emporium.bench.proxy.CallCounts;
import io.emporium.bench.proxy.CountingProxy;
import io.emporium.bench.report.Figure;
import io.emporium.bench.shop.ShopClient;
import io.emporium.bench.shop.Shopper;
import io.emporium.launcher.LocalShop;
import io.emporium.launcher.StackSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One bench run: the stack it measures, the proxy counting its AWS requests, the load, the CPU
 * meter, the shoppers and products, what the idle shop costs, and the figures so far.
 */
final class Run {

  /** Services and their SigV4 access keys: the proxy tells their requests apart by them. */
  static final List<String> SERVICES = StackSettings.SERVICES;

  final Settings settings;
  final Consumer<String> say;
  final LocalShop stack;
  final CountingProxy proxy;
  final URI moto;
  final ShopClient shop;
  final Load load;
  final CpuMeter cpu;
  final Identities identities;
  final Instant deadline;
  final List<Figure> figures = new ArrayList<>();
  final Map<String, Object> facts = new ConcurrentHashMap<>();
  List<String> skus = List.of();
  List<Shopper> cartShoppers = List.of();

  /**
   * The customers whose carts CartSeeds wrote straight to the emulator (the first shopper's not).
   */
  java.util.Set<String> seededCustomers = java.util.Set.of();

  /** The cart service's carts table (CartSeeds writes to it). */
  String cartsTable;

  /**
   * The cart's checkout transactions the capacity probe captured (TransactionCost replays them).
   */
  List<io.emporium.bench.proxy.Exchange> checkoutTransactions = List.of();

  CpuMeter.Usage idle;
  CallCounts idleCalls;
  private final AtomicInteger nextBuyer = new AtomicInteger();

  Run(
      Settings settings,
      Consumer<String> say,
      LocalShop stack,
      CountingProxy proxy,
      URI moto,
      ShopClient shop,
      CpuMeter cpu,
      Identities identities,
      Instant deadline) {
    this.settings = settings;
    this.say = say;
    this.stack = stack;
    this.proxy = proxy;
    this.moto = moto;
    this.shop = shop;
    this.load = new Load(say);
    this.cpu = cpu;
    this.identities = identities;
    this.deadline = deadline;
  }

  /** A shopper who has not bought anything in this run yet. */
  Shopper newBuyer() {
    return identities.buyer(nextBuyer.getAndIncrement());
  }

  /** True when a phase of about {@code length} still fits in the run's budget. */
  boolean fits(Duration length) {
    return Instant.now().plus(length).isBefore(deadline);
  }

  void add(Figure figure) {
    figures.add(figure);
    say.accept(
        "  -> %s: %s%s"
            .formatted(
                figure.what(),
                figure.value(),
                figure.beside().isBlank() ? "" : " (" + figure.beside() + ")"));
  }

  /**
   * The shop's processes the CPU meter reads: the services, the edge, the simulator, moto,
   * PostgreSQL (not the bench's own JVM, which it also reads).
   */
  static List<String> everything(CpuMeter cpu) {
    return cpu.processes().keySet().stream().filter(name -> !name.equals("bench")).toList();
  }
}
