package org.syncbook.sys;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The same C functions as {@link Libc}, bound with JNA's <em>interface mapping</em>: JNA builds
 * a proxy that, on every call, looks up the method, converts each argument and calls through a
 * generic dispatcher. Convenient (varargs work, see {@link #syscall}) and slower; chapter 1
 * measures by how much. Kept for that comparison only: the library itself uses {@link Libc}.
 */
// tag::interface[]
public interface CLibrary extends Library {
    CLibrary INSTANCE = Native.load(Platform.C_LIBRARY_NAME, CLibrary.class);

    int getpid();

    long syscall(long number, Object... args);
}
// end::interface[]
