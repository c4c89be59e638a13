package org.syncbook.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncbook.sys.Syscall.Arch;

/** {@link Syscall}: the numbers differ between x86_64 and aarch64, and the right table is picked. */
class SyscallTest {

    @ParameterizedTest(name = "{0}: x86_64 {1}, aarch64 {2}")
    @CsvSource({
        "GETPID, 39, 172",
        "GETTID, 186, 178",
        "SCHED_YIELD, 24, 124",
        "FUTEX, 202, 98",
        "TGKILL, 234, 131",
    })
    @DisplayName("a call has the number of each architecture's own table")
    void numbersPerArchitecture(Syscall call, int x86_64, int aarch64) {
        assertEquals(x86_64, call.number(Arch.X86_64), call + " on x86_64");
        assertEquals(aarch64, call.number(Arch.AARCH64), call + " on aarch64");
    }

    @ParameterizedTest(name = "os.arch {0} is {1}")
    @CsvSource({"amd64, X86_64", "x86_64, X86_64", "aarch64, AARCH64", "arm64, AARCH64"})
    @DisplayName("the JVM's os.arch names are recognised under both of their spellings")
    void detectKnownArchitectures(String osArch, Arch expected) {
        assertEquals(expected, Arch.detect(osArch));
    }

    @ParameterizedTest(name = "os.arch {0}")
    @ValueSource(strings = {"x86", "i386", "arm", "riscv64", "ppc64le", "s390x", ""})
    @DisplayName("an architecture without a syscall table here is not detected")
    void detectOtherArchitectures(String osArch) {
        assertNull(Arch.detect(osArch));
    }

    @Test
    @DisplayName("number() is the number on the architecture this JVM runs on")
    void numberOnThisMachine() {
        Arch here = Arch.detect(System.getProperty("os.arch"));
        assertEquals(Syscall.GETTID.number(here), Syscall.GETTID.number());
        assertEquals(here, Arch.current());
    }

    @Test
    @DisplayName("every call has the numbers of the kernel's own tables (where the headers are installed)")
    void agreesWithKernelHeaders() throws IOException {
        Map<String, Integer> x86 = numbers("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
        Map<String, Integer> generic = numbers("/usr/include/asm-generic/unistd.h");
        for (Syscall call : Syscall.values()) {
            String name = "__NR_" + call.name().toLowerCase();
            assertEquals(x86.get(name), call.number(Arch.X86_64), name + " on x86_64");
            assertEquals(generic.get(name), call.number(Arch.AARCH64), name + " on aarch64 (asm-generic)");
        }
    }

    private static Map<String, Integer> numbers(String header) throws IOException {
        Path file = Paths.get(header);
        assumeTrue(Files.isReadable(file), "no kernel headers here (" + header + ")");
        Map<String, Integer> numbers = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^#define\\s+(__NR_\\w+)\\s+(\\d+)\\s*$").matcher(Files.readString(file));
        while (m.find()) {
            numbers.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return numbers;
    }
}
