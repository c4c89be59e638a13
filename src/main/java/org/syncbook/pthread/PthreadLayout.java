package org.syncbook.pthread;

import org.syncbook.sys.PthreadLib;

/**
 * How many bytes glibc's pthread types take, per architecture. C code never needs to know: the
 * compiler reads {@code sizeof} from the headers. A Java program allocating the memory itself must
 * know, and must be right: a block smaller than the type lets {@code pthread_mutex_init} write past
 * its end, into whatever lies next.
 *
 * <p>Where the numbers come from: glibc's {@code sysdeps/x86/nptl/bits/pthreadtypes-arch.h} for
 * x86_64 (checked on the build machine by compiling {@code sizeof} with gcc, see
 * {@code PthreadLayoutTest}) and {@code sysdeps/aarch64/nptl/bits/pthreadtypes-arch.h} for aarch64
 * (the LP64 branch; the ILP32 one does not apply to a 64-bit JVM). musl and other C libraries use
 * other sizes, so {@link #current()} refuses to guess for them.
 *
 * <p>The workbook gives every pthread object a block of {@link #BLOCK} bytes aligned to 64, more
 * than any of these types needs, checked once below. One cache line per object also keeps two
 * mutexes from slowing each other down (false sharing, chapter 9).
 */
// tag::sizes[]
public enum PthreadLayout {
    //        mutex mutexattr cond condattr rwlock rwlockattr
    X86_64(     40,     4,     48,    4,      56,      8),
    AARCH64(    48,     8,     48,    8,      56,      8);

    /** Bytes allocated for each pthread object or attribute, and their alignment: one cache line. */
    public static final int BLOCK = 64;
    // end::sizes[]

    private final int mutex;
    private final int mutexAttr;
    private final int cond;
    private final int condAttr;
    private final int rwlock;
    private final int rwlockAttr;

    PthreadLayout(int mutex, int mutexAttr, int cond, int condAttr, int rwlock, int rwlockAttr) {
        this.mutex = mutex;
        this.mutexAttr = mutexAttr;
        this.cond = cond;
        this.condAttr = condAttr;
        this.rwlock = rwlock;
        this.rwlockAttr = rwlockAttr;
    }

    static {
        for (PthreadLayout layout : values()) {
            if (layout.largest() > BLOCK) {
                throw new ExceptionInInitializerError("a " + layout + " pthread type needs " + layout.largest()
                        + " bytes, more than the " + BLOCK + "-byte blocks the workbook allocates");
            }
        }
    }

    /** {@code sizeof(pthread_mutex_t)}. */
    public int mutexSize() {
        return mutex;
    }

    /** {@code sizeof(pthread_mutexattr_t)}. */
    public int mutexAttrSize() {
        return mutexAttr;
    }

    /** {@code sizeof(pthread_cond_t)}. */
    public int condSize() {
        return cond;
    }

    /** {@code sizeof(pthread_condattr_t)}. */
    public int condAttrSize() {
        return condAttr;
    }

    /** {@code sizeof(pthread_rwlock_t)}. */
    public int rwlockSize() {
        return rwlock;
    }

    /** {@code sizeof(pthread_rwlockattr_t)}. */
    public int rwlockAttrSize() {
        return rwlockAttr;
    }

    /** The largest of the six sizes. */
    public int largest() {
        return Math.max(Math.max(Math.max(mutex, mutexAttr), Math.max(cond, condAttr)), Math.max(rwlock, rwlockAttr));
    }

    /**
     * The layout of the running JVM's platform: Linux with glibc, on x86_64 or aarch64.
     *
     * @throws UnsupportedOperationException anywhere else, with a message that says why
     */
    public static PthreadLayout current() {
        if (Holder.CURRENT == null) {
            throw new UnsupportedOperationException(Holder.WHY_NOT);
        }
        return Holder.CURRENT;
    }

    /** The layout for {@code os.arch}, or {@code null} for an architecture without one. */
    public static PthreadLayout forArch(String osArch) {
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

    /** Decided once, on first use: the platform cannot change under a running JVM. */
    private static final class Holder {
        static final PthreadLayout CURRENT;
        static final String WHY_NOT;

        static {
            String os = System.getProperty("os.name");
            String arch = System.getProperty("os.arch");
            PthreadLayout layout = null;
            String why = null;
            if (!os.startsWith("Linux")) {
                why = "the pthread wrappers need Linux with glibc, this JVM runs on " + os + "; run the workbook in Docker (see README)";
            } else if (forArch(arch) == null) {
                why = "the workbook knows glibc's pthread sizes for x86_64 and aarch64, not for " + arch;
            } else if (PthreadLib.glibcVersion() == null) {
                why = "the C library is not glibc (musl?), whose pthread types have other sizes; "
                        + "run the workbook on a glibc distribution (Debian, Ubuntu, Fedora) or in its Docker image";
            } else {
                layout = forArch(arch);
            }
            CURRENT = layout;
            WHY_NOT = why;
        }
    }
}
