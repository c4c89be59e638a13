package chapter01;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/** A model solution of exercise 1.3, used by CI to prove the grader says "done" for correct work. */
public final class RawSyscalls {
    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private RawSyscalls() {
    }

    private static native long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6)
            throws LastErrorException;

    public static int number(String syscall, String arch) {
        boolean x86 = arch.equals("x86_64");
        if (!x86 && !arch.equals("aarch64")) {
            throw new IllegalArgumentException("unknown architecture: " + arch);
        }
        switch (syscall) {
            case "getpid": return x86 ? 39 : 172;
            case "gettid": return x86 ? 186 : 178;
            case "sched_yield": return x86 ? 24 : 124;
            default: throw new IllegalArgumentException("unknown system call: " + syscall);
        }
    }

    public static long call(String syscall) {
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        return syscall(number(syscall, arch), 0, 0, 0, 0, 0, 0);
    }
}
