package org.syncbook.wait.examples;

import java.util.concurrent.TimeUnit;
import org.syncbook.futex.examples.PingPong;
import org.syncbook.wait.WaitQueue;

/**
 * Chapter 3's ping-pong through a {@link WaitQueue}: the turn is a volatile field, each side sleeps
 * on its own key. The benchmarks run it per strategy to compare with {@code FutexPingPong} and
 * with the C round trip; several pairs can share one queue (each pair with its own two keys).
 */
public final class QueuePingPong implements PingPong {
    private static final long PATIENCE_SECONDS = 3_600; // no wait here should time out; a stuck one ends within the hour

    private final WaitQueue<Long> queue;
    private final Long pingKey;
    private final Long pongKey;
    private final String name;
    private volatile int turn; // 0: ping's turn, 1: pong's turn
    private volatile boolean stopped;

    /** A pair on {@code queue} using keys {@code 2 * pair} and {@code 2 * pair + 1}. */
    public QueuePingPong(WaitQueue<Long> queue, int pair, String name) {
        this.queue = queue;
        this.pingKey = 2L * pair;
        this.pongKey = 2L * pair + 1;
        this.name = name;
    }

    @Override
    public void ping() {
        turn = 1;
        queue.wakeOne(pongKey);
        await(pingKey, 0);
    }

    @Override
    public boolean pong() {
        await(pongKey, 1);
        if (stopped) {
            return false;
        }
        turn = 0;
        queue.wakeOne(pingKey);
        return true;
    }

    private void await(Long key, int mine) {
        try {
            queue.waitWhile(key, PATIENCE_SECONDS, TimeUnit.SECONDS, () -> turn != mine && !stopped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    @Override
    public void stop() {
        stopped = true;
        queue.wakeAll(pongKey);
    }

    @Override
    public String name() {
        return name;
    }
}
