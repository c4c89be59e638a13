package org.syncbook.futex.examples;

import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * {@link PingPong} on one futex word, the same protocol as the C baseline
 * ({@code docs/results/c/futex_pingpong.c}): both sides wake unconditionally, so a round trip is
 * exactly two {@code FUTEX_WAKE}s and, when the other side really sleeps, two {@code FUTEX_WAIT}s.
 *
 * <table>
 *   <caption>The futex word</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0 ({@code PING_TURN})</td><td>the ping side may start a round trip; the pong side sleeps</td></tr>
 *   <tr><td>1 ({@code PONG_TURN})</td><td>pinged: the pong side must answer; the ping side sleeps</td></tr>
 *   <tr><td>2 ({@code STOPPED})</td><td>the pong side returns {@code false} from then on</td></tr>
 * </table>
 */
public final class FutexPingPong implements PingPong {
    static final int PING_TURN = 0;
    static final int PONG_TURN = 1;
    static final int STOPPED = 2;

    private final Futex word;

    /** A ping-pong on {@code word}, which is set to 0. */
    public FutexPingPong(Futex word) {
        this.word = word;
        word.set(PING_TURN); // volatile: the pong thread, started after this, sees it anyway; cheap and clear
    }

    /** A ping-pong on a fresh futex of {@code backend}. */
    public FutexPingPong(FutexBackend backend) {
        this(Futexes.create(PING_TURN, backend));
    }

    // tag::pingpong[]
    @Override
    public void ping() {
        word.setRelease(PONG_TURN);                // release: hands over what we wrote
        word.wake(1);
        while (word.getAcquire() == PONG_TURN) {   // acquire: sees what the pong side wrote
            word.await(PONG_TURN);
        }
    }

    @Override
    public boolean pong() {
        int state;
        while ((state = word.getAcquire()) == PING_TURN) {
            word.await(PING_TURN);
        }
        if (state == STOPPED) {
            return false;
        }
        word.setRelease(PING_TURN);
        word.wake(1);
        return true;
    }
    // end::pingpong[]

    @Override
    public void stop() {
        word.set(STOPPED); // volatile, and then a wake: the pong side sees it whether asleep or not
        word.wakeAll();
    }

    @Override
    public String name() {
        return word.backend() == FutexBackend.LINUX ? "LinuxFutex" : "PortableFutex";
    }

    /** The futex both sides sleep on. */
    public Futex word() {
        return word;
    }
}
