package chapter01;

import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 1.1 — Who am I? Process and thread ids from the C library.
 *
 * <p>Goal: call two C functions from Java with JNA, the way chapter 1 binds {@code getpid}
 * in "Calling C from Java" (listing {@code Libc}).
 *
 * <ul>
 *   <li>{@link #pid()} returns what {@code getpid(2)} returns: the same number as
 *       {@code ProcessHandle.current().pid()}.</li>
 *   <li>{@link #tid()} returns what {@code gettid(2)} returns for the calling thread: the kernel's
 *       thread id, the number you see in {@code /proc/self/task/} and in {@code top -H}. It differs
 *       from thread to thread, stays the same within a thread, and is not {@code Thread.getId()}.</li>
 * </ul>
 *
 * <p>How: write a small class with {@code public static native int getpid();} and
 * {@code public static native int gettid();} and a static block that calls
 * {@code Native.register(Platform.C_LIBRARY_NAME)} (JNA's direct mapping), then call those methods here.
 * glibc has had a {@code gettid()} function since version 2.30.
 *
 * <p>Check yourself: {@code mvn test -Pchapter1}.
 */
public final class ProcessIds {
    private ProcessIds() {
    }

    /** The id of this process, from {@code getpid(2)}. */
    public static int pid() {
        // TODO 1.1: return getpid() from the C library, bound with JNA
        throw new NotDoneYet("1.1");
    }

    /** The kernel's id of the calling thread, from {@code gettid(2)}. */
    public static int tid() {
        // TODO 1.1: return gettid() from the C library, bound with JNA
        throw new NotDoneYet("1.1");
    }
}
