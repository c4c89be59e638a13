/**
 * POSIX threads mutexes, condition variables and reader-writer locks, wrapped so that Java code can
 * use them without being able to crash the JVM (chapter 2).
 *
 * <ul>
 *   <li>{@link org.syncbook.pthread.PthreadMutex}: {@code NORMAL}, {@code ERRORCHECK} or
 *       {@code RECURSIVE}; lock, trylock, timed lock on the monotonic clock; guards for
 *       try-with-resources ({@link org.syncbook.pthread.Held}).</li>
 *   <li>{@link org.syncbook.pthread.PthreadCond}: a {@link java.util.concurrent.locks.Condition}
 *       whose timed waits run on {@code CLOCK_MONOTONIC} ({@code pthread_condattr_setclock}).</li>
 *   <li>{@link org.syncbook.pthread.PthreadRwLock}: many readers or one writer.</li>
 *   <li>{@link org.syncbook.pthread.PthreadMailbox}: a one-slot mailbox, the condition-variable
 *       wait loop in its smallest useful form.</li>
 * </ul>
 *
 * <p>Every object lives in an {@link org.syncbook.mem.OffHeapBlock} of
 * {@link org.syncbook.pthread.PthreadLayout#BLOCK} bytes, whose address never changes, is destroyed
 * by {@code close()}, which refuses while the object is in use, and reports each error by name:
 * {@link org.syncbook.pthread.BusyException} ({@code EBUSY}),
 * {@link org.syncbook.pthread.DeadlockException} ({@code EDEADLK}),
 * {@link org.syncbook.pthread.NotOwnerException} ({@code EPERM}) and
 * {@link org.syncbook.pthread.TimedOutException} ({@code ETIMEDOUT}). The C calls themselves are in
 * {@link org.syncbook.sys.PthreadLib}: this package, like every layer above {@code sys}, never
 * touches JNA.
 */
package org.syncbook.pthread;
