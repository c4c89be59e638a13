package org.syncbook.futex;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncbook.mem.HeapIntWord;
import org.syncbook.mem.OffHeapBlock;
import org.syncbook.mem.OffHeapIntWord;

/**
 * No public call can crash the JVM: 4 threads make seeded random sequences of calls, right and
 * wrong, on futexes of both back ends and on off-heap blocks that other threads close under them.
 * Every call must either succeed or throw one of the documented exceptions
 * ({@link IllegalArgumentException}, {@link IllegalStateException}, {@link IllegalMonitorStateException},
 * {@link IndexOutOfBoundsException}, {@link UnsupportedOperationException}, and
 * {@link InterruptedException} from an interruptible wait of an interrupted thread). Anything else
 * fails the test; a crash of the JVM fails the build ("The forked VM terminated without properly
 * saying goodbye").
 *
 * <p>Seed 20251123 unless {@code -Dsyncbook.misuse.seed=N} says otherwise; a failure prints it.
 * The calls each thread chooses follow from the seed; how the threads interleave does not, so a
 * failure names the thread, the call number and the call, to be read, not replayed exactly. Every
 * wait and lock attempt is bounded (at most a few milliseconds): nothing here may sleep for ever.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FutexMisuseTest {
    private static final long SEED = Long.getLong("syncbook.misuse.seed", 20251123L);
    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 6_000;
    /** Each thread stops after this long even if it has calls left: the test stays well under 10 s. */
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final boolean LINUX = Sleepers.LINUX;

    private final AtomicReferenceArray<OffHeapBlock> blocks = new AtomicReferenceArray<>(6);
    private final AtomicReferenceArray<Futex> futexes = new AtomicReferenceArray<>(16);
    /** The owner ids the workers write into PI words: a word naming a live thread is the nastiest garbage. */
    private final AtomicIntegerArray ownerIds = new AtomicIntegerArray(THREADS * 2);
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    /** The first failure of each kind (exception class and the start of its message), so one message shows them all. */
    private final ConcurrentHashMap<String, String> kinds = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** One call: what it is (for the failure message), and whether InterruptedException is an answer. */
    private interface Call {
        Object run() throws Exception;
    }

    @Test
    @DisplayName("random misuse (4 threads, seed 20251123): every call succeeds or throws a documented exception, and the JVM survives")
    void randomMisuse() throws InterruptedException {
        Random setup = new Random(SEED);
        for (int i = 0; i < blocks.length(); i++) {
            blocks.set(i, OffHeapBlock.allocate(64 << setup.nextInt(3)));
        }
        for (int i = 0; i < futexes.length(); i++) {
            futexes.set(i, newFutex(setup));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread worker = new Thread(() -> work(id, start), "misuser-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
            if (worker.isAlive()) {
                failures.add(worker.getName() + " still running after 30 s (seed " + SEED + ")");
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " undocumented outcomes with seed " + SEED
                    + " (rerun with -Dsyncbook.misuse.seed=" + SEED + "); the first of each kind:\n"
                    + String.join("\n", kinds.values()));
        }
        assertTrue(calls.get() > THREADS * 500L, "too few calls were made to mean anything: " + calls);
        assertTrue(refused.get() > 0 && refused.get() < calls.get(),
                "a mix of accepted and refused calls was expected: " + refused + " of " + calls + " refused");
    }

    private void work(int id, CountDownLatch start) {
        Random random = new Random(SEED * 31 + id);
        try {
            start.await();
        } catch (InterruptedException e) {
            return;
        }
        ownerIds.set(id * 2, Futexes.portable(new HeapIntWord()).ownerId());
        if (LINUX) {
            ownerIds.set(id * 2 + 1, Futexes.create(0, FutexBackend.LINUX).ownerId());
        }
        long end = System.nanoTime() + BUDGET_NANOS;
        for (int n = 0; n < CALLS_PER_THREAD && System.nanoTime() - end < 0; n++) {
            int choice = random.nextInt(100);
            String[] what = new String[1];
            Call call;
            try {
                call = choose(random, choice, what); // describes its futexes: toString() must not throw either
            } catch (Throwable e) {
                failures.add(describe(id, n, "choosing call " + choice, e));
                continue;
            }
            boolean interruptible = what[0].startsWith("interrupted ");
            try {
                Object r = call.run();
                check(r, what[0]);
            } catch (IllegalArgumentException | IllegalStateException | IllegalMonitorStateException
                     | IndexOutOfBoundsException | UnsupportedOperationException e) {
                refused.incrementAndGet();
            } catch (InterruptedException e) {
                if (!interruptible) {
                    failures.add(describe(id, n, what[0], e));
                }
            } catch (Throwable e) {
                failures.add(describe(id, n, what[0], e));
            } finally {
                Thread.interrupted(); // a plain wait keeps the flag: clear it for the next call
                calls.incrementAndGet();
            }
        }
    }

    private static void check(Object result, String what) {
        boolean count = what.startsWith("wake(") || what.startsWith("requeue(") || what.startsWith("cmpRequeue(");
        if (count && ((Integer) result < 0 && !(what.startsWith("cmp") && (Integer) result == Futex.VALUE_CHANGED))) {
            throw new AssertionError(what + " returned " + result);
        }
    }

    private String describe(int id, int n, String what, Throwable e) {
        StringBuilder text = new StringBuilder("misuser-" + id + ", call " + n + ": " + what + " threw " + e);
        for (StackTraceElement frame : e.getStackTrace()) {
            text.append("\n    at ").append(frame);
            if (frame.getClassName().startsWith(FutexMisuseTest.class.getName())) {
                break;
            }
        }
        String kind = e.getClass().getName() + ": " + String.valueOf(e.getMessage()).replaceAll("[-0-9]+", "N");
        kinds.putIfAbsent(kind.substring(0, Math.min(kind.length(), 90)), text.toString());
        return text.toString();
    }

    private Futex anyFutex(Random random) {
        return futexes.get(random.nextInt(futexes.length()));
    }

    private OffHeapBlock anyBlock(Random random) {
        return blocks.get(random.nextInt(blocks.length()));
    }

    /** A futex of a random kind, possibly on a word of a closed block. */
    private Futex newFutex(Random random) {
        switch (random.nextInt(LINUX ? 6 : 3)) {
            case 0: return Futexes.create(random.nextInt(3), FutexBackend.PORTABLE);
            case 1: return Futexes.portable(new HeapIntWord(random.nextInt(3)));
            case 2: return Futexes.portable(anyBlock(random).intWord(4 * random.nextInt(16)));
            case 3: return Futexes.create(random.nextInt(3), FutexBackend.LINUX);
            case 4: return Futexes.linux(anyBlock(random).intWord(4 * random.nextInt(16)), false);
            default: return Futexes.linux(anyBlock(random).intWord(4 * random.nextInt(16)), true);
        }
    }

    private static long smallTimeout(Random random) {
        int pick = random.nextInt(10);
        return pick == 0 ? -1 - random.nextInt(1000) : pick == 1 ? 0 : 1 + random.nextInt(1500); // microseconds
    }

    private static int smallCount(Random random) {
        int pick = random.nextInt(12);
        return pick == 0 ? -1 - random.nextInt(3) : pick == 1 ? Integer.MAX_VALUE : random.nextInt(4);
    }

    private int garbage(Random random) {
        int pick = random.nextInt(8);
        if (pick == 0) {
            return ownerIds.get(random.nextInt(ownerIds.length())); // the id of some live thread
        }
        if (pick == 1) {
            return random.nextInt(); // anything, waiters bit and owner-died bit included
        }
        return random.nextInt(4) - 1;
    }

    /** Picks call number {@code choice} (0..99) with random arguments; {@code what[0]} gets its description. */
    private Call choose(Random random, int choice, String[] what) {
        Futex f = anyFutex(random);
        Futex g = anyFutex(random);
        int expected = random.nextBoolean() ? safeGet(f) : random.nextInt(3);
        long micros = smallTimeout(random);
        int a = smallCount(random);
        int b = smallCount(random);
        if (choice < 4) {
            int size = new int[] {-1, 0, 1, 3, 8, 64, 100, 4096}[random.nextInt(8)];
            int alignment = new int[] {0, 4, 8, 12, 16, 64, 4096, Integer.MIN_VALUE}[random.nextInt(8)];
            int slot = random.nextInt(blocks.length());
            what[0] = "OffHeapBlock.allocate(" + size + ", " + alignment + ")";
            return () -> {
                blocks.set(slot, OffHeapBlock.allocate(size, alignment));
                return null;
            };
        }
        if (choice < 10) {
            int slot = random.nextInt(futexes.length());
            long futexSeed = random.nextLong();
            what[0] = "a new futex in slot " + slot;
            return () -> {
                futexes.set(slot, newFutex(new Random(futexSeed)));
                return null;
            };
        }
        if (choice < 13) {
            OffHeapBlock block = anyBlock(random);
            what[0] = "close " + block;
            return () -> {
                block.close();
                return null;
            };
        }
        if (choice < 17) {
            OffHeapBlock block = anyBlock(random);
            int offset = random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(300) - 20;
            boolean wide = random.nextBoolean();
            what[0] = (wide ? "longWord(" : "intWord(") + offset + ").getAndAdd on " + block;
            return () -> wide ? block.longWord(offset).getAndAdd(1) : block.intWord(offset).getAndAdd(1);
        }
        if (choice < 27) {
            int v = garbage(random);
            int op = random.nextInt(5);
            what[0] = "atomic " + op + "(" + v + ") on " + f;
            return () -> {
                switch (op) {
                    case 0: return f.get();
                    case 1: f.set(v); return null;
                    case 2: return f.compareAndSet(expected, v);
                    case 3: return f.getAndAdd(v);
                    default: return f.getAndSet(v);
                }
            };
        }
        if (choice < 37) {
            what[0] = "await(" + expected + ", " + micros + " us) on " + f;
            return () -> f.await(expected, micros, TimeUnit.MICROSECONDS);
        }
        if (choice < 43) {
            boolean realtime = random.nextBoolean();
            long now = realtime ? System.currentTimeMillis() * 1_000_000L : System.nanoTime();
            long deadline = random.nextInt(6) == 0 ? -1 - random.nextInt(10) : now + micros * 1000;
            FutexClock clock = realtime ? FutexClock.REALTIME : FutexClock.MONOTONIC;
            what[0] = "awaitUntil(" + expected + ", " + deadline + ", " + clock + ") on " + f;
            return () -> f.awaitUntil(expected, deadline, clock);
        }
        if (choice < 50) {
            boolean interrupt = random.nextInt(3) == 0;
            boolean interruptibly = random.nextBoolean();
            what[0] = (interrupt ? "interrupted " : "") + (interruptibly ? "awaitInterruptibly(" : "await(")
                    + expected + ", " + micros + " us) on " + f;
            return () -> {
                if (interrupt) {
                    Thread.currentThread().interrupt();
                }
                return interruptibly ? f.awaitInterruptibly(expected, micros, TimeUnit.MICROSECONDS)
                        : f.await(expected, micros, TimeUnit.MICROSECONDS);
            };
        }
        if (choice < 60) {
            what[0] = "wake(" + a + ") on " + f;
            return () -> f.wake(a);
        }
        if (choice < 70) {
            boolean cmp = random.nextBoolean();
            what[0] = (cmp ? "cmpRequeue(" + expected + ", " : "requeue(") + a + ", " + g + ", " + b + ") on " + f;
            return () -> cmp ? f.cmpRequeue(expected, a, g, b) : f.requeue(a, g, b);
        }
        if (choice < 78) {
            what[0] = "lockPi(" + micros + " us) on " + f;
            return () -> f.lockPi(micros, TimeUnit.MICROSECONDS);
        }
        if (choice < 86) {
            what[0] = "tryLockPi() on " + f;
            return f::tryLockPi;
        }
        if (choice < 95) {
            what[0] = "unlockPi() on " + f;
            return () -> {
                f.unlockPi();
                return null;
            };
        }
        boolean shared = random.nextBoolean();
        OffHeapBlock block = anyBlock(random);
        int offset = 4 * random.nextInt(20);
        what[0] = "Futexes.linux(intWord(" + offset + ") of " + block + ", shared=" + shared + ").wake(1)";
        return () -> Futexes.linux(block.intWord(offset), shared).wake(1);
    }

    private static int safeGet(Futex f) {
        try {
            return f.get();
        } catch (IllegalStateException closed) {
            return 0;
        }
    }
}
