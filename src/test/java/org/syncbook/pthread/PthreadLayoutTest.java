package org.syncbook.pthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.syncbook.mem.OffHeapBlock;
import org.syncbook.mem.OffHeapLongWord;
import org.syncbook.sys.PthreadLib;

/**
 * {@link PthreadLayout}: the sizes of glibc's pthread types, checked three ways: against glibc's
 * headers (the table), against the C compiler of this machine (when gcc is installed), and against
 * what glibc's own init functions write into memory.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class PthreadLayoutTest {
    private static final long CANARY = 0x5a5a_5a5a_5a5a_5a5aL;

    @Test
    @DisplayName("the table holds glibc's sizes: x86_64 40/4/48/4/56/8, aarch64 48/8/48/8/56/8")
    void table() {
        PthreadLayout x = PthreadLayout.X86_64;
        assertEquals(40, x.mutexSize());
        assertEquals(4, x.mutexAttrSize());
        assertEquals(48, x.condSize());
        assertEquals(4, x.condAttrSize());
        assertEquals(56, x.rwlockSize());
        assertEquals(8, x.rwlockAttrSize());
        PthreadLayout a = PthreadLayout.AARCH64;
        assertEquals(48, a.mutexSize());
        assertEquals(8, a.mutexAttrSize());
        assertEquals(48, a.condSize());
        assertEquals(8, a.condAttrSize());
        assertEquals(56, a.rwlockSize());
        assertEquals(8, a.rwlockAttrSize());
        for (PthreadLayout l : PthreadLayout.values()) {
            assertTrue(l.largest() <= PthreadLayout.BLOCK, l + " does not fit the " + PthreadLayout.BLOCK + "-byte blocks");
        }
    }

    @Test
    @DisplayName("this JVM runs on glibc, x86_64 or aarch64, so there is a layout for it")
    void current() {
        assertNotNull(PthreadLib.glibcVersion(), "not glibc");
        assertEquals(PthreadLayout.forArch(System.getProperty("os.arch")), PthreadLayout.current());
        assertNull(PthreadLayout.forArch("riscv64"));
    }

    @Test
    @DisplayName("the table for this machine matches sizeof() as gcc compiles it (skipped without gcc)")
    void matchesTheCompiler(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("sizes.c");
        Files.write(source, String.join("\n",
                "#include <pthread.h>",
                "#include <stdio.h>",
                "int main(void) {",
                "  printf(\"%zu %zu %zu %zu %zu %zu\\n\", sizeof(pthread_mutex_t), sizeof(pthread_mutexattr_t),",
                "         sizeof(pthread_cond_t), sizeof(pthread_condattr_t),",
                "         sizeof(pthread_rwlock_t), sizeof(pthread_rwlockattr_t));",
                "  return 0;",
                "}", "").getBytes(StandardCharsets.US_ASCII));
        Path binary = dir.resolve("sizes");
        String compiled = run(dir, "gcc", source.toString(), "-o", binary.toString(), "-pthread");
        Assumptions.assumeTrue(compiled != null, "gcc is not installed here");
        String printed = run(dir, binary.toString());
        PthreadLayout l = PthreadLayout.current();
        String expected = l.mutexSize() + " " + l.mutexAttrSize() + " " + l.condSize() + " " + l.condAttrSize() + " "
                + l.rwlockSize() + " " + l.rwlockAttrSize();
        assertEquals(expected, printed.trim(), "sizeof(mutex, mutexattr, cond, condattr, rwlock, rwlockattr) per gcc");
    }

    /** Runs a program; its output, or null if it could not be started or failed. */
    private static String run(Path dir, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    @DisplayName("pthread_mutex_init, _cond_init and _rwlock_init write inside sizeof() and never past it")
    void initStaysInside() {
        PthreadLayout l = PthreadLayout.current();
        assertInitFootprint("pthread_mutex_init", l.mutexSize(), a -> PthreadLib.pthread_mutex_init(a, 0));
        assertInitFootprint("pthread_cond_init", l.condSize(), a -> PthreadLib.pthread_cond_init(a, 0));
        assertInitFootprint("pthread_rwlock_init", l.rwlockSize(), a -> PthreadLib.pthread_rwlock_init(a, 0));
    }

    /**
     * Fills a block with a pattern, runs {@code init} on its start, and checks that the first
     * {@code size} bytes were all written (glibc clears the whole object) and nothing after them.
     */
    private static void assertInitFootprint(String call, int size, LongUnaryOperator init) {
        try (OffHeapBlock block = OffHeapBlock.allocate(2 * PthreadLayout.BLOCK, PthreadLayout.BLOCK)) {
            int words = block.size() / 8;
            OffHeapLongWord[] w = new OffHeapLongWord[words];
            for (int i = 0; i < words; i++) {
                w[i] = block.longWord(i * 8);
                w[i].set(CANARY);
            }
            assertEquals(0, init.applyAsLong(block.address()), call);
            for (int i = 0; i < words; i++) {
                if (i * 8 < size) {
                    assertTrue(w[i].get() != CANARY, call + " left bytes " + i * 8 + ".." + (i * 8 + 7)
                            + " as they were: the type is smaller than the table says");
                } else {
                    assertEquals(CANARY, w[i].get(), call + " wrote at byte " + i * 8
                            + ", past sizeof = " + size + ": the type is larger than the table says");
                }
            }
        }
    }
}
