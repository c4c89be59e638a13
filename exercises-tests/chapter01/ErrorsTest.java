package chapter01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.sys.Errno;
import org.syncbook.sys.ErrnoException;
import org.syncbook.sys.Sys;

@Exercise(id = "1.2", title = "Errors with names", file = "Errors.java",
        hint = "chapter 1, 'When a call fails: errno': declare 'throws LastErrorException' and read getErrorCode()")
class ErrorsTest {

    /** What the test needs of an implementation: the reference's and the learner's look alike through it. */
    interface ErrorApi {
        String name(int errno);

        String describe(int errno);

        /** Closes fd; returns null on success, else {errno, message} of the exception thrown. */
        Object[] closeFailure(int fd);
    }

    private final ErrorApi api = Impl.pick(Reference::new, Solution::new);

    static final class Reference implements ErrorApi {
        public String name(int errno) {
            return Errno.nameOf(errno);
        }

        public String describe(int errno) {
            return Errno.describe(errno);
        }

        public Object[] closeFailure(int fd) {
            try {
                Sys.close(fd);
                return null;
            } catch (ErrnoException e) {
                return new Object[] {e.errno(), e.getMessage()};
            }
        }
    }

    static final class Solution implements ErrorApi {
        public String name(int errno) {
            return Errors.name(errno);
        }

        public String describe(int errno) {
            return Errors.describe(errno);
        }

        public Object[] closeFailure(int fd) {
            try {
                Errors.close(fd);
                return null;
            } catch (CallFailed e) {
                return new Object[] {e.errno(), e.getMessage()};
            }
        }
    }

    @Test
    @DisplayName("name() knows the errors this book meets")
    void namesTheErrorsOfTheBook() {
        Errno[] needed = {Errno.EPERM, Errno.ENOENT, Errno.EINTR, Errno.EBADF, Errno.EAGAIN, Errno.ENOMEM,
            Errno.EFAULT, Errno.EBUSY, Errno.EINVAL, Errno.EDEADLK, Errno.ENOSYS, Errno.ETIMEDOUT, Errno.EOWNERDEAD};
        for (Errno e : needed) {
            assertEquals(e.name(), api.name(e.code()), "name(" + e.code() + ") should be " + e.name());
        }
    }

    @Test
    @DisplayName("name() of an unknown number says 'errno N' instead of failing")
    void unknownNumbersGetAPlainName() {
        assertEquals("errno 4242", api.name(4242), "an error number you do not know should read 'errno 4242'");
    }

    @Test
    @DisplayName("describe() is the C library's text")
    void describeUsesTheCLibrary() {
        assertEquals("No such file or directory", api.describe(2), "describe(2) should be strerror(2)'s text");
        assertEquals("Bad file descriptor", api.describe(9), "describe(9) should be strerror(9)'s text");
    }

    @Test
    @DisplayName("a failing close(-1) throws an exception that names the call and EBADF")
    void failingCallSaysWhatFailed() {
        Object[] failure = api.closeFailure(-1);
        if (failure == null) {
            fail("close(-1) returned normally, but close(2) fails on -1 with EBADF: did you check its result?");
        }
        assertEquals(9, failure[0], "close(-1) fails with EBADF (9), but the exception carried errno " + failure[0]
                + (Integer.valueOf(0).equals(failure[0]) ? ": errno was read too late, or not at all" : ""));
        String message = (String) failure[1];
        assertTrue(message.contains("close(-1)") && message.contains("EBADF") && message.contains("Bad file descriptor"),
                "the message should name the call, the error and its text, like "
                        + "'close(-1) failed: EBADF (Bad file descriptor)', but was: " + message);
    }
}
