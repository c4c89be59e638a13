package org.syncbook.sys;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;

/** Addresses of native memory, for the layers above {@code sys} that must not touch JNA themselves. */
public final class NativeMemory {
    private NativeMemory() {
    }

    /** The address of the first byte of a direct buffer (of a slice: of the slice's first byte). */
    public static long addressOf(ByteBuffer direct) {
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("only a direct buffer has a stable address; this one lives on the Java heap");
        }
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }
}
