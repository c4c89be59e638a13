package org.syncbook.futex.examples;

import java.util.concurrent.locks.LockSupport;

/**
 * {@link PingPong} on {@link LockSupport#park}/{@link LockSupport#unpark}, the JVM's own way to put
 * a thread to sleep (a mutex and a condition variable per thread inside HotSpot, which on Linux
 * sleep on a futex themselves). The yardstick for {@link FutexPingPong}.
 *
 * <table>
 *   <caption>The state</caption>
 *   <tr><th>field</th><th>meaning</th></tr>
 *   <tr><td>{@code turn}</td><td>0: the ping side's turn; 1: the pong side's; 2: stopped</td></tr>
 *   <tr><td>{@code pingThread}, {@code pongThread}</td><td>who to unpark; each side registers itself on its first call</td></tr>
 * </table>
 *
 * <p>All fields are volatile. A side registers itself before it reads {@code turn}, and the other
 * side writes {@code turn} before it reads the registration, so at least one of them sees the
 * other's write: a wake-up cannot be lost even on the very first round (an unpark before the park
 * leaves a permit).
 */
public final class ParkPingPong implements PingPong {
    private volatile int turn;
    private volatile Thread pingThread;
    private volatile Thread pongThread;

    @Override
    public void ping() {
        if (pingThread == null) {
            pingThread = Thread.currentThread();
        }
        turn = 1;
        LockSupport.unpark(pongThread); // null before the pong side's first call: it then sees turn == 1
        while (turn == 1) {
            LockSupport.park(this);
        }
    }

    @Override
    public boolean pong() {
        if (pongThread == null) {
            pongThread = Thread.currentThread();
        }
        int t;
        while ((t = turn) == 0) {
            LockSupport.park(this);
        }
        if (t == 2) {
            return false;
        }
        turn = 0;
        LockSupport.unpark(pingThread);
        return true;
    }

    @Override
    public void stop() {
        turn = 2;
        LockSupport.unpark(pongThread);
    }

    @Override
    public String name() {
        return "LockSupport";
    }
}
