package org.syncbook.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ErrnoException}: a failed call that says which call, with which arguments, and which error. */
class ErrnoExceptionTest {

    @Test
    @DisplayName("the message names the call, the error and the C library's text for it")
    void messageNamesCallErrorAndText() {
        ErrnoException e = new ErrnoException("futex(0x1000, FUTEX_WAIT, 0)", Errno.EAGAIN.code());
        assertEquals("futex(0x1000, FUTEX_WAIT, 0) failed: EAGAIN (" + Errno.EAGAIN.description() + ")", e.getMessage());
        assertEquals("futex(0x1000, FUTEX_WAIT, 0)", e.call());
        assertEquals(11, e.errno());
    }

    @Test
    @DisplayName("error() and is() identify the named error")
    void errorAndIs() {
        ErrnoException e = new ErrnoException("close(-1)", 9);
        assertSame(Errno.EBADF, e.error());
        assertTrue(e.is(Errno.EBADF), "is(EBADF)");
        assertFalse(e.is(Errno.EINVAL), "is(EINVAL) for an EBADF failure");
    }

    @Test
    @DisplayName("an error number the table does not name still gives a readable message; error() is null")
    void unnamedError() {
        ErrnoException e = new ErrnoException("frobnicate()", 200);
        assertNull(e.error());
        assertFalse(e.is(Errno.EINVAL));
        assertTrue(e.getMessage().startsWith("frobnicate() failed: errno 200 ("), e.getMessage());
    }

    @Test
    @DisplayName("it is unchecked, so callers that cannot recover need not declare it")
    void unchecked() {
        assertTrue(RuntimeException.class.isAssignableFrom(ErrnoException.class));
    }
}
