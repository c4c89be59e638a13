package org.syncbook.futex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.syncbook.futex.Sleepers.awaitAsleep;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.Executable;
import org.syncbook.futex.Sleepers.Sleeper;
import org.syncbook.mem.HeapIntWord;
import org.syncbook.mem.OffHeapBlock;
import org.syncbook.mem.OffHeapIntWord;
import org.syncbook.sys.FutexCall;
import org.syncbook.sys.Sys;
import org.syncbook.sys.Syscall;
import org.syncbook.sys.SyscallCounter;

/**
 * What only the Linux back end has: a real system call that must never be made on memory that is
 * gone, private and shared futexes, signals that cut a wait short ({@code EINTR}), and a kernel
 * whose answers the portable back end copies. The contract both back ends share is in
 * {@link FutexContract}.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LinuxFutexTest {
    private static final long MS = 1_000_000L;
    /** SIGWINCH: ignored by default, not used by the JVM, so a handler of our own is safe to install. */
    private static final int SIGWINCH = 28;

    private final Sleepers sleepers = new Sleepers();

    @AfterEach
    void tidyUp() {
        sleepers.close();
    }

    // ------------------------------------------------------------------------------- closed memory

    @Test
    @DisplayName("every operation on a futex whose block was closed throws IllegalStateException, makes no system call and counts nothing")
    void closedBlock() {
        OffHeapBlock block = OffHeapBlock.allocate(64);
        OffHeapIntWord word = block.intWord(0);
        Futex f = Futexes.linux(word, false);
        Futex open = Futexes.create(0, FutexBackend.LINUX);
        block.close();
        Executable[] calls = {
            () -> f.await(0),
            () -> f.await(0, 10, TimeUnit.MILLISECONDS),
            () -> f.awaitUntil(0, System.nanoTime() + 10 * MS, FutexClock.MONOTONIC),
            () -> f.awaitUntil(0, System.currentTimeMillis() * MS + 10 * MS, FutexClock.REALTIME),
            () -> f.awaitInterruptibly(0),
            () -> f.awaitInterruptibly(0, 10, TimeUnit.MILLISECONDS),
            () -> f.wake(1),
            () -> f.wakeAll(),
            () -> f.requeue(0, open, 1),
            () -> f.cmpRequeue(0, 0, open, 1),
            () -> open.requeue(0, f, 1),
            () -> open.cmpRequeue(0, 0, f, 1),
            f::lockPi,
            () -> f.lockPi(10, TimeUnit.MILLISECONDS),
            f::tryLockPi,
            f::unlockPi,
            f::get,
            () -> f.set(1),
            () -> f.compareAndSet(0, 1),
            () -> ((LinuxFutex) f).address(),
        };
        SyscallCounter.Recording calls0 = SyscallCounter.start();
        for (Executable call : calls) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
        assertEquals(0, calls0.count(Syscall.FUTEX), "a call on a closed block reached the kernel");
        assertEquals(0, f.counters().total(), "calls on a closed block were counted: " + f.counters());
        assertEquals(0, open.counters().total(), "refused requeues were counted: " + open.counters());
        assertTrue(f.toString().contains("closed"), f.toString());
    }

    @Test
    @DisplayName("a Linux futex made on a word of an already closed block (shared or private) refuses every call with IllegalStateException")
    void madeOnClosedBlock() {
        for (boolean shared : new boolean[] {false, true}) {
            OffHeapBlock block = OffHeapBlock.allocate(64);
            OffHeapIntWord word = block.intWord(4);
            block.close();
            Futex f = Futexes.linux(word, shared);
            assertThrows(IllegalStateException.class, () -> f.await(0));
            assertThrows(IllegalStateException.class, () -> f.wake(1));
            assertThrows(IllegalStateException.class, f::lockPi);
        }
    }

    // ------------------------------------------------------------------------------ kinds of futex

    @Test
    @DisplayName("requeue onto a portable futex, or between a private and a shared one, is refused with IllegalArgumentException")
    void requeueTargets() {
        Futex priv = Futexes.create(0, FutexBackend.LINUX);
        Futex shared = Futexes.linux(OffHeapBlock.allocate(64).intWord(0), true);
        Futex portable = Futexes.portable(new HeapIntWord());
        Futex portableOffHeap = Futexes.portable(OffHeapBlock.allocate(64).intWord(0));
        for (Futex target : new Futex[] {portable, portableOffHeap, shared}) {
            assertThrows(IllegalArgumentException.class, () -> priv.requeue(0, target, 1), "private -> " + target);
            assertThrows(IllegalArgumentException.class, () -> priv.cmpRequeue(0, 0, target, 1), "private -> " + target);
        }
        assertThrows(IllegalArgumentException.class, () -> shared.requeue(0, priv, 1));
        assertThrows(IllegalArgumentException.class, () -> portable.requeue(0, priv, 1));
        assertEquals(0, priv.counters().total() + shared.counters().total() + portable.counters().total());
    }

    @Test
    @DisplayName("a shared futex waits, wakes and requeues like a private one")
    void sharedFutex() throws InterruptedException {
        Futex f = Futexes.linux(OffHeapBlock.allocate(64).intWord(0), true);
        Futex g = Futexes.linux(OffHeapBlock.allocate(64).intWord(0), true);
        assertEquals(WaitResult.VALUE_CHANGED, f.await(1));
        assertEquals(WaitResult.TIMED_OUT, f.await(0, 1, TimeUnit.MILLISECONDS));
        Sleeper s = sleepers.start("sleeper", () -> f.await(0));
        awaitAsleep(f, s);
        assertEquals(1, f.requeue(0, g, 1));
        assertEquals(1, g.wake(1));
        assertEquals(WaitResult.WOKEN, s.join());
        f.lockPi();
        assertEquals(f.ownerId(), f.get());
        f.unlockPi();
        assertTrue(f.toString().contains("shared"), f.toString());
    }

    @Test
    @DisplayName("the kernel keys private and shared futexes apart: a private wake does not reach a shared sleeper on the same word")
    void privateAndSharedAreDifferentFutexes() throws InterruptedException {
        OffHeapIntWord word = OffHeapBlock.allocate(64).intWord(0);
        Futex shared = Futexes.linux(word, true);
        Futex priv = Futexes.linux(word, false);
        Sleeper s = sleepers.start("shared sleeper", () -> shared.await(0));
        awaitAsleep(shared, s);
        assertEquals(0, priv.wake(1));
        assertEquals(1, shared.wake(1));
        assertEquals(WaitResult.WOKEN, s.join());
    }

    @Test
    @DisplayName("a plain wake or requeue while a thread waits in lockPi: IllegalStateException (the kernel's EINVAL), and the lock still works")
    void plainCallsOnAPiWord() throws InterruptedException {
        Futex f = Futexes.create(0, FutexBackend.LINUX);
        Futex g = Futexes.create(0, FutexBackend.LINUX);
        f.lockPi();
        Sleeper contender = sleepers.start("contender", () -> {
            boolean got = f.lockPi(Sleepers.BOUND_MILLIS, TimeUnit.MILLISECONDS);
            f.unlockPi();
            return got;
        });
        awaitAsleep(f, contender);
        for (Executable call : new Executable[] {() -> f.wake(1), () -> f.requeue(0, g, 1), () -> f.cmpRequeue(f.get(), 0, g, 1)}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("PI lock and as a plain futex"), e.getMessage());
        }
        f.unlockPi();
        assertEquals(true, contender.join());
        assertEquals(0, f.get());
    }

    @Test
    @DisplayName("a PI call while a thread sleeps in a plain await on the word: IllegalStateException (the kernel's EINVAL)")
    void piCallsOnAPlainWord() throws InterruptedException {
        Futex f = Futexes.create(0, FutexBackend.LINUX);
        Sleeper plain = sleepers.start("plain waiter", () -> f.await(0));
        awaitAsleep(f, plain);
        assertThrows(IllegalStateException.class, f::lockPi);
        assertThrows(IllegalStateException.class, () -> f.lockPi(10, TimeUnit.MILLISECONDS));
        assertThrows(IllegalStateException.class, f::tryLockPi);
        assertEquals(0, f.get(), "a refused lock must not take the word");
        assertEquals(1, f.wake(1));
        assertEquals(WaitResult.WOKEN, plain.join());
        f.lockPi(); // and with the plain waiter gone, the word works as a PI lock
        f.unlockPi();
    }

    @Test
    @DisplayName("unlockPi while a thread sleeps in a plain await on the held word: IllegalStateException, and the lock stays held")
    void piUnlockWithPlainWaiter() throws InterruptedException {
        Futex f = Futexes.create(0, FutexBackend.LINUX);
        f.lockPi();
        int held = f.get();
        Sleeper plain = sleepers.start("plain waiter", () -> f.await(held));
        awaitAsleep(f, plain);
        assertThrows(IllegalStateException.class, f::unlockPi);
        assertEquals(held, f.get());
        assertEquals(1, f.wake(1));
        assertEquals(WaitResult.WOKEN, plain.join());
        f.unlockPi();
        assertEquals(0, f.get());
    }

    @Test
    @DisplayName("ownerId() is the kernel thread id, the one FUTEX_LOCK_PI writes")
    void ownerIdIsTid() {
        Futex f = Futexes.create(0, FutexBackend.LINUX);
        assertEquals(Sys.tid(), f.ownerId());
    }

    // ------------------------------------------------------------------------- the kernel's answers

    @Test
    @DisplayName("the kernel's FUTEX_WAKE with count 0 wakes one sleeper: why LinuxFutex.wake(0) makes no call")
    void kernelWakeZero() throws InterruptedException {
        LinuxFutex f = (LinuxFutex) Futexes.create(0, FutexBackend.LINUX);
        Sleeper s = sleepers.start("sleeper", () -> f.await(0));
        awaitAsleep(f, s);
        assertEquals(1, FutexCall.call(f.address(), FutexCall.WAKE | FutexCall.PRIVATE, 0, 0, 0, 0));
        assertEquals(WaitResult.WOKEN, s.join());
    }

    @Test
    @DisplayName("a PI word naming a thread that does not exist: lockPi and tryLockPi throw IllegalStateException, unlockPi IllegalMonitorStateException")
    void piWordNamingNobody() {
        Futex f = Futexes.create(0, FutexBackend.LINUX);
        f.set(0x3fff_fff0); // above pid_max (at most 2^22): no thread has this id
        assertThrows(IllegalStateException.class, f::lockPi);
        assertThrows(IllegalStateException.class, () -> f.lockPi(10, TimeUnit.MILLISECONDS));
        assertThrows(IllegalStateException.class, f::tryLockPi);
        assertThrows(IllegalMonitorStateException.class, f::unlockPi);
    }

    // -------------------------------------------------------------------------------------- EINTR

    /**
     * Installs a do-nothing Java handler for SIGWINCH (through {@code sun.misc.Signal}, by reflection,
     * so that nothing here depends on it at compile time), runs {@code body}, and restores the old
     * handler. With a handler installed, the JVM's native handler runs on the thread the signal is
     * sent to, and a timed futex wait in that thread returns EINTR: the kernel restarts untimed
     * waits of SA_RESTART handlers, but not timed ones. A signal left at its default action
     * (SIGURG, SIGWINCH) is discarded before it reaches the thread, and interrupts nothing.
     */
    private static void withWinchHandler(Executable body) throws Throwable {
        Class<?> signalClass;
        Class<?> handlerClass;
        try {
            signalClass = Class.forName("sun.misc.Signal");
            handlerClass = Class.forName("sun.misc.SignalHandler");
        } catch (ClassNotFoundException e) {
            assumeTrue(false, "sun.misc.Signal is not available: " + e);
            return;
        }
        Object signal = signalClass.getConstructor(String.class).newInstance("WINCH");
        Object handler = Proxy.newProxyInstance(LinuxFutexTest.class.getClassLoader(), new Class<?>[] {handlerClass},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "hashCode": return System.identityHashCode(proxy);
                        case "equals": return proxy == args[0];
                        case "toString": return "do-nothing SIGWINCH handler";
                        default: return null; // handle(Signal): nothing to do
                    }
                });
        Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
        Object old = handle.invoke(null, signal, handler);
        try {
            body.execute();
        } finally {
            handle.invoke(null, signal, old);
        }
    }

    /** Sends {@code count} SIGWINCHes, 20 ms apart, to {@code s}'s thread while it sleeps on {@code f}. */
    private static void pester(Futex f, Sleeper s, int count) throws InterruptedException {
        awaitAsleep(f, s);
        int pid = Sys.pid();
        for (int i = 0; i < count && !s.isDone(); i++) {
            Sys.syscall(Syscall.TGKILL, pid, s.tid(), SIGWINCH);
            Thread.sleep(20);
        }
    }

    @Test
    @DisplayName("EINTR: timed waits hit by 5 signals (SIGWINCH, handled) retry and still time out at, not before, their deadline")
    void timedWaitsSurviveSignals() throws Throwable {
        withWinchHandler(() -> {
            long timeout = 300 * MS;
            // one futex per waiter: a quiet timed wait makes exactly one call, so more calls mean EINTRs came back
            Futex[] f = new Futex[4];
            for (int i = 0; i < f.length; i++) {
                f[i] = Futexes.create(0, FutexBackend.LINUX);
            }
            Sleeper[] s = {
                sleepers.start("await(timeout)", () -> timed(() -> f[0].await(0, 300, TimeUnit.MILLISECONDS), timeout)),
                sleepers.start("awaitUntil(MONOTONIC)", () -> {
                    long deadline = System.nanoTime() + timeout;
                    WaitResult r = f[1].awaitUntil(0, deadline, FutexClock.MONOTONIC);
                    return r + (System.nanoTime() - deadline >= 0 ? "" : " before the deadline");
                }),
                sleepers.start("awaitUntil(REALTIME)", () -> {
                    long deadline = System.currentTimeMillis() * MS + timeout;
                    WaitResult r = f[2].awaitUntil(0, deadline, FutexClock.REALTIME);
                    return r + (System.currentTimeMillis() >= deadline / MS ? "" : " before the deadline");
                }),
                sleepers.start("awaitInterruptibly(timeout)", () -> timed(() -> f[3].awaitInterruptibly(0, 300, TimeUnit.MILLISECONDS), timeout)),
            };
            for (int i = 0; i < f.length; i++) {
                awaitAsleep(f[i], s[i]);
            }
            int pid = Sys.pid();
            for (int round = 0; round < 5; round++) {
                for (Sleeper x : s) {
                    if (!x.isDone()) {
                        Sys.syscall(Syscall.TGKILL, pid, x.tid(), SIGWINCH);
                    }
                }
                Thread.sleep(20);
            }
            for (Sleeper x : s) {
                assertEquals("TIMED_OUT", x.join(), x.thread.getName());
            }
            long retried = f[0].counters().waits() + f[1].counters().waits() + f[2].counters().waits() - 3;
            assumeTrue(retried > 0, "no EINTR reached the waits: the signals interrupted nothing, so this test showed nothing");
        });
    }

    @Test
    @DisplayName("EINTR: a PI lock attempt with a timeout, hit by signals, still gives up at, not before, its deadline")
    void lockPiSurvivesSignals() throws Throwable {
        withWinchHandler(() -> {
            Futex f = Futexes.create(0, FutexBackend.LINUX);
            f.lockPi();
            Sleeper s = sleepers.start("lockPi(300 ms)", () -> {
                long start = System.nanoTime();
                boolean got = f.lockPi(300, TimeUnit.MILLISECONDS);
                // CLOCK_REALTIME deadline: 1 ms of slack for NTP slewing, as in FutexContract.piHeldElsewhere
                return got + (System.nanoTime() - start >= 299 * MS ? "" : " before the deadline");
            });
            pester(f, s, 5);
            assertEquals("false", s.join());
            f.unlockPi();
        });
    }

    @Test
    @DisplayName("an untimed wait hit by signals keeps sleeping or wakes spuriously, never throws, and a wake still ends it")
    void untimedWaitSurvivesSignals() throws Throwable {
        withWinchHandler(() -> {
            Futex f = Futexes.create(0, FutexBackend.LINUX);
            Sleeper s = sleepers.start("await()", () -> {
                while (f.get() == 0) {
                    f.await(0);
                }
                return f.get();
            });
            pester(f, s, 5);
            awaitAsleep(f, s);
            f.set(1);
            f.wake(1);
            assertEquals(1, s.join());
            assertFalse(f.counters().waits() > 6, f.counters().toString());
        });
    }

    private static String timed(Sleepers.Body wait, long timeoutNanos) throws Exception {
        long start = System.nanoTime();
        Object r = wait.run();
        return r + (System.nanoTime() - start >= timeoutNanos ? "" : " before the deadline");
    }
}
