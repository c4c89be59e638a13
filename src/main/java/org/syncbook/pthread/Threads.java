package org.syncbook.pthread;

/**
 * What the wrappers need to know about the calling thread.
 *
 * <p>A pthread mutex belongs to a kernel thread: glibc records the owner's kernel thread id and an
 * {@code ERRORCHECK} mutex compares it on unlock. A virtual thread (JDK 21+) may run on one carrier
 * thread when it locks and on another when it unlocks, so the wrappers refuse virtual threads, with
 * a message, instead of failing in odd ways. Chapter 12 is about locks that work for both kinds.
 */
final class Threads {
    /** {@code java.lang.BaseVirtualThread} (JDK 21+), or {@code null} on a JDK without virtual threads. */
    private static final Class<?> VIRTUAL = find("java.lang.BaseVirtualThread", "java.lang.VirtualThread");

    private Threads() {
    }

    /** The calling thread, if it is a platform thread. */
    static Thread platformThread(String call) {
        Thread me = Thread.currentThread();
        if (VIRTUAL != null && VIRTUAL.isInstance(me)) {
            throw new UnsupportedOperationException(call + " from a virtual thread: a pthread lock belongs to a kernel "
                    + "thread, and a virtual thread may move to another carrier thread while it holds the lock. "
                    + "Use a platform thread (chapter 12 explains why)");
        }
        return me;
    }

    /** {@code thread 'main'}, or {@code nobody}. */
    static String describe(Thread t) {
        return t == null ? "nobody" : "thread '" + t.getName() + "'" + (t.isAlive() ? "" : " (which has ended)");
    }

    private static Class<?> find(String... names) {
        for (String name : names) {
            try {
                return Class.forName(name, false, Thread.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // not on this JDK; try the next
            }
        }
        return null;
    }
}
