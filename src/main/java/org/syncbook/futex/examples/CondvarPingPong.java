package org.syncbook.futex.examples;

import org.syncbook.pthread.Held;
import org.syncbook.pthread.PthreadCond;
import org.syncbook.pthread.PthreadMutex;

/**
 * {@link PingPong} on a pthread mutex and condition variable (chapter 2's wrappers): what a C
 * program would write without futexes. glibc builds both on futexes, so a round trip here is a
 * futex round trip plus the mutex and the condition variable's bookkeeping.
 *
 * <table>
 *   <caption>The state, guarded by the mutex</caption>
 *   <tr><th>field</th><th>meaning</th></tr>
 *   <tr><td>{@code turn}</td><td>0: the ping side's turn; 1: the pong side's; 2: stopped</td></tr>
 * </table>
 *
 * <p>One condition variable serves both directions: at any moment only one side waits on it.
 * Plain field, no {@code volatile}: the mutex orders every access. Close it after use
 * ({@link #close()}), or leave it to the garbage collector.
 */
@SuppressWarnings("try") // the guards are used only for their close(), which unlocks
public final class CondvarPingPong implements PingPong, AutoCloseable {
    private final PthreadMutex mutex = new PthreadMutex();
    private final PthreadCond changed = mutex.newCondition();
    private int turn;

    @Override
    public void ping() {
        try (Held held = mutex.lock()) {
            turn = 1;
            changed.signal();
            while (turn == 1) {
                changed.awaitUninterruptibly(); // pthread_cond_wait: releases the mutex while asleep
            }
        }
    }

    @Override
    public boolean pong() {
        try (Held held = mutex.lock()) {
            while (turn == 0) {
                changed.awaitUninterruptibly();
            }
            if (turn == 2) {
                return false;
            }
            turn = 0;
            changed.signal();
            return true;
        }
    }

    @Override
    public void stop() {
        try (Held held = mutex.lock()) {
            turn = 2;
            changed.signalAll();
        }
    }

    @Override
    public String name() {
        return "pthread condvar";
    }

    /** Frees the condition variable and the mutex; call it once both threads are done. */
    @Override
    public void close() {
        changed.close();
        mutex.close();
    }
}
