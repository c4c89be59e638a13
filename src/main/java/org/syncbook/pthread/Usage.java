package org.syncbook.pthread;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Counts the threads that are inside a pthread object's calls or hold it (a mutex's owner and its
 * waiters, a condition variable's waiters, a reader-writer lock's holders and waiters), and knows
 * whether the object was closed.
 *
 * <p>This is what makes {@code close()} safe. C requires that nobody uses an object when it is
 * destroyed ({@code pthread_mutex_destroy(3p)}: destroying a locked mutex, or a condition variable
 * that threads wait on, is undefined behaviour). {@link #close} succeeds only from "no users" and
 * moves to "closed" in one atomic step, so after it no call can start, and before it none was
 * running. A call that finds the object closed throws {@link IllegalStateException} without
 * touching C.
 */
final class Usage {
    private static final int CLOSED = -1;

    private final AtomicInteger users = new AtomicInteger();
    private final String what;

    /** @param what the object, for messages: {@code "mutex"}, {@code "condition variable"}... */
    Usage(String what) {
        this.what = what;
    }

    // tag::users[]
    /** One more user; throws if the object is closed. */
    void enter() {
        for (int u = users.get(); ; u = users.get()) {
            if (u == CLOSED) {
                throw closed();
            }
            if (users.compareAndSet(u, u + 1)) {
                return;
            }
        }
    }

    /** One user fewer. */
    void exit() {
        users.decrementAndGet();
    }

    /**
     * Moves from "no users" to "closed" in one step: {@code true} if this call closed the object,
     * {@code false} if it was closed already. An object in use is left open and usable, and the
     * exception {@code inUse} makes is thrown.
     */
    boolean close(Supplier<BusyException> inUse) {
        if (users.compareAndSet(0, CLOSED)) {
            return true;
        }
        if (users.get() == CLOSED) {
            return false;
        }
        throw inUse.get();
    }
    // end::users[]

    /** Throws if the object is closed. */
    void checkOpen() {
        if (users.get() == CLOSED) {
            throw closed();
        }
    }

    boolean isClosed() {
        return users.get() == CLOSED;
    }

    /** How many threads use the object now (0 once closed). */
    int users() {
        return Math.max(0, users.get());
    }

    private IllegalStateException closed() {
        return new IllegalStateException("this " + what + " was closed (pthread_" + cName() + "_destroy); "
                + "it cannot be used any more: make a new one");
    }

    private String cName() {
        switch (what) {
            case "condition variable": return "cond";
            case "reader-writer lock": return "rwlock";
            default: return "mutex";
        }
    }
}
