package chapter01;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/** A model solution of exercise 1.1, used by CI to prove the grader says "done" for correct work. */
public final class ProcessIds {
    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private ProcessIds() {
    }

    private static native int getpid();

    private static native int gettid();

    public static int pid() {
        return getpid();
    }

    public static int tid() {
        return gettid();
    }
}
