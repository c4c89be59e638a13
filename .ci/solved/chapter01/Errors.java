package chapter01;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.Map;

/** A model solution of exercise 1.2, used by CI to prove the grader says "done" for correct work. */
public final class Errors {
    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "EPERM"), Map.entry(2, "ENOENT"), Map.entry(4, "EINTR"), Map.entry(9, "EBADF"),
            Map.entry(11, "EAGAIN"), Map.entry(12, "ENOMEM"), Map.entry(14, "EFAULT"), Map.entry(16, "EBUSY"),
            Map.entry(22, "EINVAL"), Map.entry(35, "EDEADLK"), Map.entry(38, "ENOSYS"), Map.entry(110, "ETIMEDOUT"),
            Map.entry(130, "EOWNERDEAD"));

    private Errors() {
    }

    private static native String strerror(int errnum);

    public static String name(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }

    public static String describe(int errno) {
        return strerror(errno);
    }

    public static void close(int fd) {
        try {
            Close.close(fd);
        } catch (LastErrorException e) {
            throw new CallFailed("close(" + fd + ")", e.getErrorCode());
        }
    }

    /** close(2) under its own name: direct mapping links a method to the C function of the same name. */
    private static final class Close {
        static {
            Native.register(Platform.C_LIBRARY_NAME);
        }

        static native int close(int fd) throws LastErrorException;
    }
}
