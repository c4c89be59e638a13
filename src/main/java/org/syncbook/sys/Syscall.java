package org.syncbook.sys;

/**
 * System call numbers for the two architectures the workbook runs on.
 *
 * <p>The numbers differ: x86_64 kept its historical table ({@code arch/x86/entry/syscalls/syscall_64.tbl}),
 * while aarch64 uses the kernel's generic one ({@code include/uapi/asm-generic/unistd.h}). Docker on
 * Apple silicon runs aarch64 Linux, so a hard-coded x86_64 number would call the wrong function there.
 */
// tag::numbers[]
public enum Syscall {
    //                x86_64  aarch64
    GETPID(             39,     172),
    GETTID(            186,     178),
    SCHED_YIELD(        24,     124),
    FUTEX(             202,      98),
    CLOCK_GETTIME(     228,     113),
    SCHED_SETAFFINITY( 203,     122),
    SCHED_GETAFFINITY( 204,     123),
    GETCPU(            309,     168),
    TGKILL(            234,     131);
    // end::numbers[]

    private final int x86_64;
    private final int aarch64;

    Syscall(int x86_64, int aarch64) {
        this.x86_64 = x86_64;
        this.aarch64 = aarch64;
    }

    /** The number for the architecture this JVM runs on. */
    public int number() {
        return number(Arch.current());
    }

    /** The number on the given architecture. */
    public int number(Arch arch) {
        return arch == Arch.X86_64 ? x86_64 : aarch64;
    }

    /** The architectures with a syscall table here. */
    public enum Arch {
        X86_64, AARCH64;

        private static final boolean LINUX = System.getProperty("os.name").startsWith("Linux");
        private static final Arch CURRENT = detect(System.getProperty("os.arch"));

        /** The running JVM's architecture; fails clearly where the workbook has no syscall table. */
        public static Arch current() {
            if (!LINUX || CURRENT == null) {
                throw new UnsupportedOperationException("raw system calls need Linux on x86_64 or aarch64, but this JVM runs on "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                        + "; run the workbook in Docker (see README), or use the portable back ends");
            }
            return CURRENT;
        }

        static Arch detect(String osArch) {
            switch (osArch) {
                case "amd64":
                case "x86_64":
                    return X86_64;
                case "aarch64":
                case "arm64":
                    return AARCH64;
                default:
                    return null;
            }
        }
    }
}
