package org.syncbook.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer-starvation experiment of chapter 6: {@code readers} threads take the read lock in a
 * continuous stream (each holds it for {@code holdMicros}, then takes it again at once, so their
 * holds overlap), and one writer, a little later, takes the write lock every {@code writerGapMicros}.
 * Every thread notes when it held the lock, and the writer also when it waited: a
 * {@link Timeline}. With {@code RwLock1} the writer's first wait lasts until the readers stop;
 * with {@code RwLock3} it gets in after at most about one reader's hold.
 *
 * <p>Holds are sleeps ({@link LockSupport#parkNanos}), not busy-waits: with four spinning readers
 * on two CPUs, the writer would wait for a CPU rather than for the lock, and the figure would show
 * the scheduler. At the end the readers stop first; a writer that never got in gets in then,
 * which closes its wait.
 */
public final class RwLockTimeline {
    /** The four calls of a reader–writer lock. */
    public interface Rw {
        void readLock();

        void readUnlock();

        void writeLock();

        void writeUnlock();

        static Rw of(Runnable readLock, Runnable readUnlock, Runnable writeLock, Runnable writeUnlock) {
            return new Rw() {
                @Override public void readLock() { readLock.run(); }
                @Override public void readUnlock() { readUnlock.run(); }
                @Override public void writeLock() { writeLock.run(); }
                @Override public void writeUnlock() { writeUnlock.run(); }
            };
        }
    }

    private final int readers;
    private final long holdMicros;
    private final long writerGapMicros;
    private final long durationMillis;

    /**
     * @param readers         reader threads in the stream (2 or more, or their holds cannot overlap)
     * @param holdMicros      how long each read or write hold lasts
     * @param writerGapMicros the writer's pause before its first and between its write locks
     * @param durationMillis  how long the readers keep coming
     */
    public RwLockTimeline(int readers, long holdMicros, long writerGapMicros, long durationMillis) {
        if (readers < 2 || holdMicros <= 0 || writerGapMicros <= 0 || durationMillis <= 0) {
            throw new IllegalArgumentException("need 2+ readers and positive times");
        }
        this.readers = readers;
        this.holdMicros = holdMicros;
        this.writerGapMicros = writerGapMicros;
        this.durationMillis = durationMillis;
    }

    /** Runs the experiment on {@code lock}; the timeline's title is {@code name}. */
    public Timeline run(String name, Rw lock) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        List<List<Timeline.Interval>> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] start = new long[1];
        for (int r = 0; r <= readers; r++) {
            boolean writer = r == readers;
            String threadName = writer ? "writer" : "reader " + (r + 1);
            List<Timeline.Interval> mine = new ArrayList<>(); // written by its thread only, read after join()
            perThread.add(mine);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long t0 = start[0]; // written before go.countDown(): the latch orders it
                if (writer) {
                    write(lock, stop, threadName, t0, mine);
                } else {
                    read(lock, stop, threadName, t0, mine);
                }
            }, threadName);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        start[0] = System.nanoTime();
        go.countDown();
        Thread.sleep(durationMillis);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        List<Timeline.Interval> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        return new Timeline(name, all);
    }

    // tag::stream[]
    private void read(Rw lock, AtomicBoolean stop, String name, long t0, List<Timeline.Interval> out) {
        while (!stop.get()) {
            lock.readLock();
            long in = System.nanoTime();
            hold(in);
            long left = System.nanoTime();
            lock.readUnlock();
            out.add(new Timeline.Interval(name, Timeline.Kind.READ, in - t0, left - t0));
        }
    }

    private void write(Rw lock, AtomicBoolean stop, String name, long t0, List<Timeline.Interval> out) {
        while (!stop.get()) {
            LockSupport.parkNanos(writerGapMicros * 1000);
            long asked = System.nanoTime();
            lock.writeLock();
            long in = System.nanoTime();
            hold(in);
            long left = System.nanoTime();
            lock.writeUnlock();
            out.add(new Timeline.Interval(name, Timeline.Kind.WAIT, asked - t0, in - t0));
            out.add(new Timeline.Interval(name, Timeline.Kind.WRITE, in - t0, left - t0));
        }
    }
    // end::stream[]

    private void hold(long from) {
        long until = from + holdMicros * 1000;
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left); // may return early (spurious wake-up): sleep the rest
        }
    }
}
