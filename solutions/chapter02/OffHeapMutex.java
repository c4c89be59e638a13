package chapter02;

import org.syncbook.pthread.Held;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 2.1 — A mutex off the heap, with a guard.
 *
 * <p>Goal: a pthread mutex that Java code uses with try-with-resources:
 * <pre>{@code
 * try (OffHeapMutex mutex = new OffHeapMutex()) {
 *     try (Held held = mutex.lock()) {
 *         // one thread at a time
 *     }
 * }
 * }</pre>
 * Chapter 2, "Why not the Java heap" and "Memory that stays put", explains where the
 * {@code pthread_mutex_t} must live; "A mutex with a guard" explains the guard.
 *
 * <p>Contract:
 * <ul>
 *   <li>The constructor allocates the {@code pthread_mutex_t} in memory whose address never changes:
 *       an {@link org.syncbook.mem.OffHeapBlock} of {@link org.syncbook.pthread.PthreadLayout#BLOCK}
 *       bytes, aligned to {@code BLOCK}. Not an {@code int[]} or {@code long[]}: JNA hands C a
 *       <em>copy</em> of a Java array, a new one on every call. Then it initialises the mutex with
 *       {@link org.syncbook.sys.PthreadLib#pthread_mutex_init} (attribute address 0 gives a NORMAL
 *       mutex).</li>
 *   <li>{@link #lock()} waits for the mutex ({@code pthread_mutex_lock}) and returns a {@link Held}
 *       whose {@code close()} unlocks it. Closing the same guard a second time does nothing.</li>
 *   <li>Every pthread function returns 0 or an error number (not -1 and {@code errno}): check it, and
 *       throw an {@link org.syncbook.sys.ErrnoException} that names the call and the number.</li>
 *   <li>{@link #close()} destroys the mutex ({@code pthread_mutex_destroy}). glibc answers
 *       {@code EBUSY} for a locked mutex: then throw, and leave the mutex usable. A second close does
 *       nothing.</li>
 *   <li>{@link #lock()} after {@code close()} throws {@link IllegalStateException} without calling C.</li>
 * </ul>
 */
public final class OffHeapMutex implements AutoCloseable {

    public OffHeapMutex() {
        // TODO 2.1: allocate an OffHeapBlock for the pthread_mutex_t, keep it (and its address) in fields,
        //           and initialise it with PthreadLib.pthread_mutex_init
        throw new NotDoneYet("2.1");
    }

    /** Waits for the mutex; the guard unlocks it. */
    public Held lock() {
        // TODO 2.1: refuse after close(); pthread_mutex_lock; return a guard that unlocks once
        throw new NotDoneYet("2.1");
    }

    /** Destroys the mutex; throws (and changes nothing) if C says it is busy. */
    @Override
    public void close() {
        // TODO 2.1: pthread_mutex_destroy, checked; only then remember that the mutex is closed
        throw new NotDoneYet("2.1");
    }
}
