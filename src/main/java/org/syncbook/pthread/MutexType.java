package org.syncbook.pthread;

import org.syncbook.sys.PthreadLib;

/**
 * What a mutex does when it is misused, set with {@code pthread_mutexattr_settype(3)}. The values are
 * glibc's {@code PTHREAD_MUTEX_*} constants, the same on every Linux architecture.
 *
 * <table>
 *   <caption>What each type does with the two classic mistakes, in C and in this wrapper</caption>
 *   <tr><th>type</th><th>owner locks again</th><th>another thread unlocks</th></tr>
 *   <tr><td>NORMAL</td><td>C: waits for itself forever; wrapper: {@link DeadlockException}</td>
 *       <td>C: undefined (glibc unlocks it); wrapper: {@link NotOwnerException}</td></tr>
 *   <tr><td>ERRORCHECK</td><td>C: {@code EDEADLK}, {@link DeadlockException}</td>
 *       <td>C: {@code EPERM}, {@link NotOwnerException}</td></tr>
 *   <tr><td>RECURSIVE</td><td>C: counts one more hold</td>
 *       <td>C: {@code EPERM}, {@link NotOwnerException}</td></tr>
 * </table>
 */
public enum MutexType {
    /** No checks in C, the fastest; {@code PTHREAD_MUTEX_DEFAULT} is this type in glibc. */
    NORMAL(PthreadLib.PTHREAD_MUTEX_NORMAL),
    /** C checks the owner on every lock and unlock and reports mistakes as error numbers. */
    ERRORCHECK(PthreadLib.PTHREAD_MUTEX_ERRORCHECK),
    /** The owner may lock again; the mutex is free once it has unlocked as many times. */
    RECURSIVE(PthreadLib.PTHREAD_MUTEX_RECURSIVE);

    private final int value;

    MutexType(int value) {
        this.value = value;
    }

    /** The {@code PTHREAD_MUTEX_*} constant. */
    public int value() {
        return value;
    }
}
