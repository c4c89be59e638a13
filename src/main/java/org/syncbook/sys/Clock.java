package org.syncbook.sys;

/** The clocks of {@code clock_gettime(2)} that the workbook reads. Same ids on x86_64 and aarch64. */
public enum Clock {
    /** Wall-clock time; jumps when the administrator or NTP sets the time. */
    REALTIME(0),
    /** Time since an arbitrary point, never set back: the one to measure intervals and deadlines with. */
    MONOTONIC(1),
    /** CPU time consumed by the whole process. */
    PROCESS_CPUTIME(2),
    /** CPU time consumed by the calling thread: what a spinning waiter burns, a sleeping one does not. */
    THREAD_CPUTIME(3),
    /** Like {@link #MONOTONIC} but not slewed by NTP. */
    MONOTONIC_RAW(4),
    /** Like {@link #MONOTONIC} but keeps counting while the machine is suspended. */
    BOOTTIME(7);

    private final int id;

    Clock(int id) {
        this.id = id;
    }

    /** The {@code clockid_t} value. */
    public int id() {
        return id;
    }
}
