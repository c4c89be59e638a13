package org.syncbook.bench;

import java.time.Duration;
import org.syncbook.futex.FutexBackend;
import org.syncbook.wait.CondvarWaitQueue;
import org.syncbook.wait.FutexWaitQueue;
import org.syncbook.wait.SyncConfig;
import org.syncbook.wait.WaitQueue;
import org.syncbook.wait.WaitStrategy;

/** The queues chapter 7's benchmarks compare, by the name their {@code strategy} parameter takes. */
final class WaitQueues {
    private WaitQueues() {
    }

    static WaitQueue<Long> create(String strategy) {
        switch (strategy) {
            case "FUTEX": return FutexWaitQueue.of(FutexBackend.LINUX, FutexWaitQueue.DEFAULT_SLOTS);
            case "PORTABLE_FUTEX": return FutexWaitQueue.of(FutexBackend.PORTABLE, FutexWaitQueue.DEFAULT_SLOTS);
            case "CONDVAR": return new CondvarWaitQueue<>();
            case "SPIN_WAIT": return WaitQueue.create(SyncConfig.lowLatency());
            case "SPIN_10MS": return WaitQueue.create(new SyncConfig(WaitStrategy.SPIN_WAIT, Duration.ofMillis(10), Integer.MAX_VALUE));
            default: throw new IllegalArgumentException("unknown strategy " + strategy
                    + "; use FUTEX, PORTABLE_FUTEX, CONDVAR, SPIN_WAIT or SPIN_10MS");
        }
    }
}
