package org.syncbook.sys;

/**
 * A one-shot flag: some threads wait until another raises it. Chapter 1 implements it four
 * ways, which differ only in what a waiting thread does while the flag is down:
 *
 * <table>
 *   <caption>Four ways to wait</caption>
 *   <tr><th>class</th><th>while waiting</th><th>CPU it burns</th></tr>
 *   <tr><td>{@link SpinFlag}</td><td>re-reads the flag as fast as it can</td><td>all of one CPU</td></tr>
 *   <tr><td>{@link PoliteSpinFlag}</td><td>re-reads it with {@link Thread#onSpinWait()} between reads</td><td>all of one CPU, less power</td></tr>
 *   <tr><td>{@link YieldFlag}</td><td>re-reads it, offering the CPU to others in between</td><td>all of one CPU if nobody else wants it</td></tr>
 *   <tr><td>{@link ParkFlag}</td><td>sleeps in the kernel until the raiser wakes it</td><td>none</td></tr>
 * </table>
 */
public interface Flag {
    /** Raises the flag and lets every waiter go. Raising a raised flag does nothing. */
    void raise();

    /** Returns once the flag is raised (at once if it already is). */
    void awaitRaised() throws InterruptedException;

    /** Whether the flag has been raised. */
    boolean isRaised();
}
