package dev.personaharness.model;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many requests may be in flight to one provider: at most {@code max}, halved when the
 * provider throttles (429), and raised by one after as many successes in a row as the current
 * limit (additive increase, multiplicative decrease), so a throttled run backs off at once and
 * recovers slowly.
 */
final class AdaptiveLimit {
  private final int max;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition freed = lock.newCondition();
  private int limit;
  private int inFlight;
  private int successes;

  AdaptiveLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    this.max = max;
    this.limit = max;
  }

  void acquire() throws InterruptedException {
    lock.lock();
    try {
      while (inFlight >= limit) {
        freed.await();
      }
      inFlight++;
    } finally {
      lock.unlock();
    }
  }

  /** Ends one request; {@code throttled} when the provider answered 429. */
  void release(boolean throttled) {
    lock.lock();
    try {
      inFlight--;
      if (throttled) {
        limit = Math.max(1, limit / 2);
        successes = 0;
      } else if (++successes >= limit && limit < max) {
        limit++;
        successes = 0;
      }
      freed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int limit() {
    lock.lock();
    try {
      return limit;
    } finally {
      lock.unlock();
    }
  }
}
