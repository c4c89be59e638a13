package org.syncbook.wait;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.syncbook.futex.FutexBackend;

/** Every way to build a {@link WaitQueue} the tests run their contract on. */
final class Queues {
    private Queues() {
    }

    /** A name for the test report and a fresh queue of that kind. */
    static Stream<Arguments> all() {
        return Stream.of(
                of("futex (Linux, 256 words)", () -> FutexWaitQueue.of(FutexBackend.LINUX, 256)),
                of("futex (Linux, 1 word: every key collides)", () -> FutexWaitQueue.of(FutexBackend.LINUX, 1)),
                // the portable back end sleeps without the Linux one's 20 ms interrupt-check slices,
                // which would turn a lost wake into a 20 ms delay the tests could not see
                of("futex (portable, 1 word: every key collides)", () -> FutexWaitQueue.of(FutexBackend.PORTABLE, 1)),
                of("futex (portable, 2 words)", () -> FutexWaitQueue.of(FutexBackend.PORTABLE, 2)),
                of("condvar", CondvarWaitQueue::new),
                of("spin then sleep (lowLatency)", () -> WaitQueue.create(SyncConfig.lowLatency())),
                of("spin then sleep (1 us, 10 spins, 1 word)", () -> new FutexWaitQueue<>(FutexBackend.LINUX, 1,
                        new SpinPhase(Duration.ofNanos(1_000).toNanos(), 10))),
                of("auto", () -> WaitQueue.create(SyncConfig.defaults())));
    }

    private static Arguments of(String name, Supplier<WaitQueue<Object>> queue) {
        return Arguments.of(name, queue);
    }
}
