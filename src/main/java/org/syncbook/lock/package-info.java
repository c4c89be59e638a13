/**
 * Locks built on {@link org.syncbook.futex.Futex} (chapters 4–6, 8).
 *
 * <p>Chapter 4's mutex, one step per class, each small enough to read whole:
 * {@link org.syncbook.lock.Mutex1} (0/1, a wake on every unlock),
 * {@link org.syncbook.lock.Mutex2} (0/1/2, a wake only when someone may sleep),
 * {@link org.syncbook.lock.Mutex3} (a brief spin before sleeping), and the last step,
 * {@link org.syncbook.lock.FutexMutex}, a {@link java.util.concurrent.locks.Lock} with an owner,
 * a configurable spin, interruptible and timed acquisition and a try-with-resources guard.
 * {@link org.syncbook.lock.SpinLock} never sleeps, with a choice of backoff.
 *
 * <p>Every futex-based lock takes its {@link org.syncbook.futex.Futex} in a constructor, so it runs
 * on either back end ({@link org.syncbook.futex.FutexBackend}) and on either kind of word
 * (off-heap or heap), and a test can read the futex's call counters.
 */
package org.syncbook.lock;
