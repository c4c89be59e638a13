package org.syncbook.wait;

/** How a wait on a {@link WaitQueue} ended: never silently, so a caller cannot mistake a timeout for a wake. */
public enum WaitOutcome {
    /**
     * {@code wait}: a wake for the key arrived after the call began (or, rarely, a spurious one).
     * {@code waitWhile}: the condition no longer holds; this is never spurious.
     */
    READY,
    /** The timeout passed first ({@code waitWhile}: the condition still held at the last look). */
    TIMED_OUT
}
