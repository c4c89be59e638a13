package org.syncbook.pthread;

/**
 * A lock that the calling thread holds, released by {@link #close()}: made for try-with-resources,
 * so the lock is released however the block is left, by its end, a {@code return} or an exception.
 *
 * <pre>{@code
 * try (Held held = mutex.lock()) {
 *     balance += amount;
 * }
 * }</pre>
 */
public interface Held extends AutoCloseable {
    /**
     * Releases the lock. Closing the same guard again does nothing, so an explicit close inside the
     * block does not unlock twice when the block ends.
     *
     * @throws NotOwnerException if called by a thread other than the one that took the lock
     */
    @Override
    void close();
}
