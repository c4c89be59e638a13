package org.syncbook.sys;

/**
 * Re-reads the flag and calls {@code sched_yield(2)} in between. If another thread is ready to run
 * on this CPU it gets a turn; if none is, the kernel returns at once and the loop burns the CPU as
 * a spin does, plus the cost of a system call per iteration.
 */
public final class YieldFlag implements Flag {
    private volatile boolean raised; // volatile for the same reasons as in SpinFlag

    @Override
    public void raise() {
        raised = true;
    }

    // tag::await[]
    @Override
    public void awaitRaised() {
        while (!raised) {
            Sys.yieldCpu();
        }
    }
    // end::await[]

    @Override
    public boolean isRaised() {
        return raised;
    }
}
