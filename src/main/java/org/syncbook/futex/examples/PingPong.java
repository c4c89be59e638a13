package org.syncbook.futex.examples;

/**
 * Two threads handing a turn back and forth: the round trip chapter 3 measures. The ping thread
 * calls {@link #ping()} (one round trip: give the turn away, sleep until it comes back), the pong
 * thread calls {@link #pong()} in a loop (sleep until pinged, give the turn back). Each round trip
 * therefore holds two wake-ups, one in each direction, and, on one CPU, two context switches.
 *
 * <p>Implementations: {@link FutexPingPong} on either futex back end, {@link ParkPingPong} on
 * {@link java.util.concurrent.locks.LockSupport}. The benchmark
 * {@code org.syncbook.bench.FutexPingPongBenchmark} and the C baseline
 * {@code docs/results/c/futex_pingpong.c} run the same protocol.
 */
public interface PingPong {
    /** One round trip from the ping side: hands the turn to the pong side and returns when it comes back. */
    void ping();

    /** Waits for a ping and answers it; {@code false}, without answering, once {@link #stop()} was called. */
    boolean pong();

    /** Ends the pong side's loop; called by the ping side after its last round trip. */
    void stop();

    /** A short name for tables and charts. */
    String name();
}
