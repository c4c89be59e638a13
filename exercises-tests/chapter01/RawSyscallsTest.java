package chapter01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.sys.Sys;
import org.syncbook.sys.Syscall;

@Exercise(id = "1.3", title = "A system call by number", file = "RawSyscalls.java",
        hint = "chapter 1, 'System call numbers': the number depends on the architecture")
class RawSyscallsTest {

    interface RawApi {
        int number(String syscall, String arch);

        long call(String syscall);
    }

    static final class Reference implements RawApi {
        public int number(String syscall, String arch) {
            return Syscall.valueOf(syscall.toUpperCase()).number(archOf(arch));
        }

        public long call(String syscall) {
            return Sys.syscall(Syscall.valueOf(syscall.toUpperCase()));
        }

        private static Syscall.Arch archOf(String arch) {
            switch (arch) {
                case "x86_64": return Syscall.Arch.X86_64;
                case "aarch64": return Syscall.Arch.AARCH64;
                default: throw new IllegalArgumentException("unknown architecture " + arch);
            }
        }
    }

    static final class Solution implements RawApi {
        public int number(String syscall, String arch) {
            return RawSyscalls.number(syscall, arch);
        }

        public long call(String syscall) {
            return RawSyscalls.call(syscall);
        }
    }

    private final RawApi api = Impl.pick(Reference::new, Solution::new);

    @Test
    @DisplayName("the numbers of getpid, gettid and sched_yield on x86_64 and aarch64")
    void numbersPerArchitecture() {
        for (String arch : new String[] {"x86_64", "aarch64"}) {
            Syscall.Arch a = arch.equals("x86_64") ? Syscall.Arch.X86_64 : Syscall.Arch.AARCH64;
            for (Syscall s : new Syscall[] {Syscall.GETPID, Syscall.GETTID, Syscall.SCHED_YIELD}) {
                String name = s.name().toLowerCase();
                assertEquals(s.number(a), api.number(name, arch), "the number of " + name + " on " + arch);
            }
        }
    }

    @Test
    @DisplayName("an unknown call or architecture is refused with IllegalArgumentException")
    void unknownNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> api.number("no_such_call", "x86_64"),
                "number(\"no_such_call\", ...) should throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> api.number("getpid", "sparc"),
                "number(..., \"sparc\") should throw IllegalArgumentException");
    }

    @Test
    @DisplayName("call(\"getpid\") returns this process's id")
    void rawGetpid() {
        long expected = ProcessHandle.current().pid();
        long actual = api.call("getpid");
        assertEquals(expected, actual, "syscall(getpid) returned " + actual + " instead of " + expected
                + ": is the number picked for this machine's architecture (os.arch=" + System.getProperty("os.arch") + ")?");
    }

    @Test
    @DisplayName("call(\"gettid\") returns the calling thread's id, and call(\"sched_yield\") returns 0")
    void rawGettidAndYield() throws Exception {
        int expected = Integer.parseInt(Files.readSymbolicLink(Paths.get("/proc/thread-self")).getFileName().toString());
        assertEquals(expected, api.call("gettid"), "syscall(gettid) should return this thread's id");
        assertEquals(0, api.call("sched_yield"), "sched_yield returns 0");
    }
}
