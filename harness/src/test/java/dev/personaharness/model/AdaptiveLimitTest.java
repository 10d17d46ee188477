package dev.personaharness.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdaptiveLimitTest {
  @Test
  void halvesOnThrottlingAndRecoversOneStepPerWindowOfSuccesses() throws Exception {
    AdaptiveLimit l = new AdaptiveLimit(16);
    l.acquire();
    l.release(true);
    assertThat(l.limit()).isEqualTo(8);
    l.acquire();
    l.release(true);
    l.acquire();
    l.release(true);
    assertThat(l.limit()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      l.acquire();
      l.release(false);
    }
    assertThat(l.limit()).isEqualTo(3);
    for (int i = 0; i < 200; i++) {
      l.acquire();
      l.release(false);
    }
    assertThat(l.limit()).isEqualTo(16);
    for (int i = 0; i < 10; i++) {
      l.acquire();
      l.release(true);
    }
    assertThat(l.limit()).isEqualTo(1);
  }

  @Test
  void neverLetsMoreThanTheLimitIn() throws Exception {
    AdaptiveLimit l = new AdaptiveLimit(1);
    l.acquire();
    Thread waiter = new Thread(() -> {
      try {
        l.acquire();
        l.release(false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    waiter.join(200);
    assertThat(waiter.isAlive()).as("second request waits while the first is in flight").isTrue();
    l.release(false);
    waiter.join(2000);
    assertThat(waiter.isAlive()).isFalse();
  }
}
