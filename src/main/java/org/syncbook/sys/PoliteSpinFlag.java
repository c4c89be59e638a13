package org.syncbook.sys;

/**
 * Spins like {@link SpinFlag}, but tells the processor it is spinning ({@link Thread#onSpinWait()},
 * the x86 {@code PAUSE} or the arm64 {@code YIELD}/{@code ISB} instruction): a hyperthread sibling
 * gets more of the core and the loop draws less power. It still burns the CPU it runs on.
 */
public final class PoliteSpinFlag implements Flag {
    private volatile boolean raised; // volatile for the same reasons as in SpinFlag

    @Override
    public void raise() {
        raised = true;
    }

    // tag::await[]
    @Override
    public void awaitRaised() {
        while (!raised) {
            Thread.onSpinWait();
        }
    }
    // end::await[]

    @Override
    public boolean isRaised() {
        return raised;
    }
}
