package org.syncbook.futex;

/** The two implementations of {@link Futex}. */
public enum FutexBackend {
    /** The {@code futex(2)} system call on an off-heap word. Linux only. */
    LINUX,
    /** Wait lists inside the JVM ({@link ParkingLot}), on any word, on any operating system. */
    PORTABLE
}
