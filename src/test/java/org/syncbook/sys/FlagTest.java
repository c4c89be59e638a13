package org.syncbook.sys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Flag} keeps, whatever way it waits: {@link SpinFlag}, {@link PoliteSpinFlag},
 * {@link YieldFlag} and {@link ParkFlag}. What only the sleeping flag promises is in {@link ParkFlagTest}.
 *
 * <p>A waiter of a spinning flag burns a CPU until the flag goes up, so every test raises its flag
 * in a {@code finally}: no test leaves a spinning thread behind, even when it fails.
 */
class FlagTest {
    private static final long JOIN_MILLIS = 10_000;

    static Stream<Arguments> flags() {
        return Stream.of(
                Arguments.of("SpinFlag", (Supplier<Flag>) SpinFlag::new),
                Arguments.of("PoliteSpinFlag", (Supplier<Flag>) PoliteSpinFlag::new),
                Arguments.of("YieldFlag", (Supplier<Flag>) YieldFlag::new),
                Arguments.of("ParkFlag", (Supplier<Flag>) ParkFlag::new));
    }

    /** Starts a daemon thread that counts down {@code started}, waits for {@code flag}, and records any failure. */
    static Thread startWaiter(Flag flag, String name, CountDownLatch started, AtomicReference<Throwable> failure) {
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                flag.awaitRaised();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void joinOrFail(Thread t, String what) throws InterruptedException {
        t.join(JOIN_MILLIS);
        if (t.isAlive()) {
            fail(what + ": thread '" + t.getName() + "' was still waiting " + JOIN_MILLIS / 1000 + " s after the flag went up");
        }
    }

    static void rethrow(AtomicReference<Throwable> failure) {
        if (failure.get() != null) {
            throw new AssertionError("a waiter failed: " + failure.get(), failure.get());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    @DisplayName("a new flag is down, and raise() puts it up")
    void newFlagIsDown(String name, Supplier<Flag> newFlag) {
        Flag flag = newFlag.get();
        assertFalse(flag.isRaised(), "a new " + name + " is already raised");
        flag.raise();
        assertTrue(flag.isRaised(), name + " is still down after raise()");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    @DisplayName("awaiting a raised flag returns at once, and raising it again changes nothing")
    void raisedFlagDoesNotBlock(String name, Supplier<Flag> newFlag) throws Exception {
        Flag flag = newFlag.get();
        flag.raise();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = startWaiter(flag, "waiter", started, failure);
        joinOrFail(waiter, "awaitRaised() on a raised " + name + " blocked");
        rethrow(failure);
        flag.raise();
        assertTrue(flag.isRaised(), "raising a raised " + name + " put it down");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    @DisplayName("a waiter stays while the flag is down and is released when another thread raises it")
    void raiseReleasesAWaiter(String name, Supplier<Flag> newFlag) throws Exception {
        Flag flag = newFlag.get();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = startWaiter(flag, "waiter", started, failure);
        try {
            started.await();
            waiter.join(20); // usually enough for the waiter to be inside awaitRaised()
            assertTrue(waiter.isAlive(), "the waiter of a " + name + " that is down returned without waiting");
        } finally {
            flag.raise(); // also when the assertion fails: a spinning waiter must not outlive the test
        }
        joinOrFail(waiter, name + " did not release its waiter");
        rethrow(failure);
    }
}
