package io.emporium.order.orders;

/** What can happen to an order once it exists: the upstream events and the passing deadline. */
public sealed interface SagaSignal {

  /** The timeline's name of the signal (the event's name, or DeadlinePassed). */
  String name();

  record StockReserved() implements SagaSignal {
    public String name() {
      return "StockReserved";
    }
  }

  /**
   * @param detail which skus were short
   */
  record StockRejected(String detail) implements SagaSignal {
    public String name() {
      return "StockRejected";
    }
  }

  record PaymentAuthorized(String paymentId) implements SagaSignal {
    public String name() {
      return "PaymentAuthorized";
    }
  }

  record PaymentDeclined(String reasonCode) implements SagaSignal {
    public String name() {
      return "PaymentDeclined";
    }
  }

  record DeadlinePassed(String detail) implements SagaSignal {
    public String name() {
      return "DeadlinePassed";
    }
  }
}
