package org.syncbook.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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

/** {@link Errno}: the generic Linux error table, and the C library's text for any number. */
class ErrnoTest {
    private static final Pattern DEFINE = Pattern.compile("(?m)^#define\\s+(E[A-Z0-9]+)\\s+(\\d+)\\b");


    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "EPERM, 1", "ENOENT, 2", "ESRCH, 3", "EINTR, 4", "EBADF, 9", "EAGAIN, 11", "ENOMEM, 12",
        "EFAULT, 14", "EINVAL, 22", "EDEADLK, 35", "ENOSYS, 38", "ETIMEDOUT, 110",
        "EOWNERDEAD, 130", "ENOTRECOVERABLE, 131",
    })
    @DisplayName("an error has the number of the kernel's generic table (x86_64 and aarch64)")
    void codesOfTheGenericTable(String name, int code) {
        Errno e = Errno.valueOf(name);
        assertEquals(code, e.code(), name + ".code()");
        assertSame(e, Errno.of(code), "Errno.of(" + code + ")");
        assertEquals(name, Errno.nameOf(code), "Errno.nameOf(" + code + ")");
    }

    @Test
    @DisplayName("every named error is found again by its number: no two names share one")
    void everyCodeMapsBackToItsName() {
        for (Errno e : Errno.values()) {
            assertSame(e, Errno.of(e.code()), "Errno.of(" + e + ".code()) is " + Errno.of(e.code()) + ": they share number " + e.code());
        }
    }

    @Test
    @DisplayName("every name has the number the kernel's asm-generic headers give it (where the headers are installed)")
    void agreesWithKernelHeaders() throws IOException {
        Map<String, Integer> defined = new HashMap<>();
        for (String header : new String[] {"/usr/include/asm-generic/errno-base.h", "/usr/include/asm-generic/errno.h"}) {
            Path file = Paths.get(header);
            assumeTrue(Files.isReadable(file), "no kernel headers here (" + header + ")");
            Matcher m = DEFINE.matcher(Files.readString(file));
            while (m.find()) {
                defined.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        for (Errno e : Errno.values()) {
            assertEquals(defined.get(e.name()), e.code(), e + " in the kernel's headers");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, 41, 200, 4095, -1})
    @DisplayName("a number the table does not name is written 'errno N', and of() returns null")
    void unknownNumbers(int code) {
        assertNull(Errno.of(code), "Errno.of(" + code + ")");
        assertEquals("errno " + code, Errno.nameOf(code));
    }

    @Test
    @DisplayName("the description is the C library's strerror text")
    void describeUsesStrerror() {
        // Same text in glibc and musl.
        assertEquals("No such file or directory", Errno.ENOENT.description());
        assertEquals("Bad file descriptor", Errno.describe(9));
        assertEquals(Errno.describe(Errno.EINVAL.code()), Errno.EINVAL.description());
    }

    @Test
    @DisplayName("an unknown number still gets a description, never null or blank")
    void describeUnknownNumber() {
        String text = Errno.describe(200);
        assertNotNull(text);
        assertFalse(text.isBlank(), "describe(200) is blank");
    }
}
