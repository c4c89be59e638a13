package org.syncbook.futex;

import org.syncbook.sys.Sys;

/** The kernel thread id of the calling thread, asked once per thread: PI futex words hold it. */
final class ThreadIds {
    private static final ThreadLocal<Integer> TID = ThreadLocal.withInitial(Sys::tid);

    private ThreadIds() {
    }

    static int current() {
        return TID.get();
    }
}
