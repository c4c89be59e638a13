package org.syncbook.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.syncbook.wait.WaitQueue;
import org.syncbook.wait.examples.QueuePingPong;

/**
 * Chapter 7: wait/wake pairs per second with many keys and several waiters. Each of JMH's 4
 * benchmark threads plays ping with a pong thread of its own, on two keys of its own, all 4 pairs
 * in one shared queue (8 threads on the machine's CPUs, unpinned). One operation is one round trip,
 * that is two wait/wake pairs: the chapter's "pairs per second" is twice the score.
 * The target: more than 500 000 pairs per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchJvm.NATIVE_ACCESS)
@Threads(4)
public class WaitThroughputBenchmark {
    /** The queue all pairs share. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"FUTEX", "CONDVAR", "SPIN_WAIT"})
        String strategy;

        WaitQueue<Long> queue;
        final AtomicInteger pairs = new AtomicInteger();

        @Setup(Level.Trial)
        public void create() {
            queue = WaitQueues.create(strategy);
        }
    }

    /** One benchmark thread's pair: its pong thread and its keys. */
    @State(Scope.Thread)
    public static class Pair {
        QueuePingPong pingPong;
        Thread pong;

        @Setup(Level.Trial)
        public void start(Shared shared) {
            pingPong = new QueuePingPong(shared.queue, shared.pairs.getAndIncrement(), shared.strategy);
            pong = new Thread(() -> {
                while (pingPong.pong()) {
                    // answer until stopped
                }
            }, "pong");
            pong.setDaemon(true);
            pong.start();
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            pingPong.stop();
            pong.join(TimeUnit.SECONDS.toMillis(10));
            if (pong.isAlive()) {
                throw new IllegalStateException("a pong thread did not stop: " + pong.getState());
            }
        }
    }

    @Benchmark
    public void roundTrip(Pair pair) {
        pair.pingPong.ping();
    }
}
