package chapter03;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.Workers;
import org.syncbook.mem.HeapIntWord;
import org.syncbook.grading.ExerciseExtension;

/** What chapter 3's graders share: futexes of both back ends, and threads that report what went wrong. */
final class Ch3 {
    /** How long a grader waits for a thread that should be done at once; scaled like the time limits. */
    static final long PATIENCE_MILLIS = Math.round(5_000 * ExerciseExtension.timeoutScale());

    private Ch3() {
    }


    /** A futex holding {@code initial}: the system call on an off-heap word, or the portable one on a heap word. */
    static Futex futex(FutexBackend backend, int initial) {
        return backend == FutexBackend.LINUX ? Futexes.create(initial, FutexBackend.LINUX)
                : Futexes.portable(new HeapIntWord(initial));
    }

    /** {@link #futex} wrapped so that no sleep lasts longer than {@link #PATIENCE_MILLIS}: a lost wake-up is reported, not hung on. */
    static WindowFutex window(FutexBackend backend, int initial) {
        return new WindowFutex(futex(backend, initial), PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Joins {@code workers} (started and released), but fails with {@code ifLost} as soon as one of
     * {@code words} reports a sleep that ran into the bound, instead of waiting for a stuck worker
     * until the exercise's time limit.
     */
    static void joinWatching(Workers workers, WindowFutex[] words, String ifLost) throws Exception {
        AtomicReference<Throwable> result = new AtomicReference<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread joiner = new Thread(() -> {
            try {
                workers.join();
            } catch (Throwable e) {
                result.set(e);
            } finally {
                done.countDown();
            }
        }, "joiner");
        joiner.setDaemon(true);
        joiner.start();
        boolean finished;
        do {
            finished = done.await(20, TimeUnit.MILLISECONDS);
            for (int i = 0; i < words.length; i++) {
                if (words[i].cutShort() > 0) {
                    throw new AssertionError(ifLost.replace("{i}", String.valueOf(i))
                            + " (seed " + workers.seed() + "; repeat with -Dworkbook.seed=" + workers.seed() + ")");
                }
            }
        } while (!finished);
        Throwable e = result.get();
        if (e instanceof AssertionError) {
            throw (AssertionError) e;
        }
        if (e != null) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static String on(FutexBackend backend) {
        return backend == FutexBackend.LINUX ? "on the Linux futex" : "on the portable futex (heap word)";
    }
}
