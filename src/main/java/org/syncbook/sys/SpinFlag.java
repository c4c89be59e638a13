package org.syncbook.sys;

/**
 * Waits by re-reading the flag in a tight loop: the fastest wake-up there is, and a whole CPU
 * burned for as long as the wait lasts.
 */
// tag::spin[]
public final class SpinFlag implements Flag {
    // volatile: the raiser's write must become visible to the spinning reader, and the
    // reader must re-read memory on every iteration instead of hoisting the load out of the loop.
    private volatile boolean raised;

    @Override
    public void raise() {
        raised = true;
    }

    @Override
    public void awaitRaised() {
        while (!raised) {
            // nothing: re-read at once
        }
    }
    // end::spin[]

    @Override
    public boolean isRaised() {
        return raised;
    }
}
