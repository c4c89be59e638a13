package chapter02;

import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 2.2 — A mutex that reports its misuse.
 *
 * <p>Goal: a mutex that answers the two classic mistakes with an exception instead of a hang or
 * silent damage. Relocking a {@code NORMAL} pthread mutex from the thread that holds it waits for
 * itself forever; unlocking it from another thread is undefined behaviour (glibc just releases it).
 * An {@code ERRORCHECK} mutex has C check both and answer with an error number instead. Chapter 2,
 * "Mutex types and what C does with mistakes", lists glibc's answers.
 *
 * <p>Contract:
 * <ul>
 *   <li>The constructor makes an {@code ERRORCHECK} mutex, off the heap as in exercise 2.1: initialise
 *       a {@code pthread_mutexattr_t} (in a block of its own), set its type with
 *       {@link org.syncbook.sys.PthreadLib#pthread_mutexattr_settype} to
 *       {@link org.syncbook.sys.PthreadLib#PTHREAD_MUTEX_ERRORCHECK}, pass it to
 *       {@code pthread_mutex_init}, then destroy the attribute object (the mutex keeps no reference
 *       to it).</li>
 *   <li>{@link #lock()} by the thread that holds the mutex throws an
 *       {@link org.syncbook.sys.ErrnoException} whose {@code error()} is {@code EDEADLK}; the mutex
 *       stays locked by that thread.</li>
 *   <li>{@link #unlock()} by a thread that does not hold it (or of a mutex nobody holds) throws an
 *       {@link IllegalMonitorStateException} whose message names {@code EPERM}
 *       ({@link org.syncbook.pthread.NotOwnerException} is one); the owner keeps the mutex.</li>
 *   <li>{@link #tryLock()} answers {@code false} when the mutex is taken ({@code EBUSY}), without
 *       waiting and without throwing.</li>
 *   <li>{@link #close()} destroys the mutex; {@code EBUSY} (locked) throws an {@code ErrnoException}
 *       and leaves it usable.</li>
 * </ul>
 */
public final class CheckedMutex implements AutoCloseable {

    public CheckedMutex() {
        // TODO 2.2: allocate the mutex and an attribute object off the heap; make the mutex ERRORCHECK
        throw new NotDoneYet("2.2");
    }

    /** Waits for the mutex; EDEADLK if the calling thread holds it already. */
    public void lock() {
        // TODO 2.2: pthread_mutex_lock, and turn a non-zero answer into an ErrnoException
        throw new NotDoneYet("2.2");
    }

    /** Takes the mutex if it is free; {@code false} if not. */
    public boolean tryLock() {
        // TODO 2.2: pthread_mutex_trylock; EBUSY means false
        throw new NotDoneYet("2.2");
    }

    /** Unlocks; EPERM (an IllegalMonitorStateException) if the calling thread does not hold it. */
    public void unlock() {
        // TODO 2.2: pthread_mutex_unlock; EPERM becomes an IllegalMonitorStateException
        throw new NotDoneYet("2.2");
    }

    /** Destroys the mutex. */
    @Override
    public void close() {
        // TODO 2.2
        throw new NotDoneYet("2.2");
    }
}
