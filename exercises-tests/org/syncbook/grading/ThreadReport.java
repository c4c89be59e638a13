package org.syncbook.grading;

import java.util.Arrays;

/** Where each thread of a group is, as a short text a learner can read. */
final class ThreadReport {
    /** Frames shown per thread: enough to reach the learner's code below the JDK's parking frames. */
    private static final int FRAMES = 12;

    private ThreadReport() {
    }

    static String of(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 16];
        int n = group.enumerate(threads, true);
        StringBuilder text = new StringBuilder();
        for (Thread t : Arrays.copyOf(threads, n)) {
            text.append("  thread \"").append(t.getName()).append("\" (").append(t.getState()).append(")\n");
            StackTraceElement[] stack = t.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, stack.length); i++) {
                text.append("      at ").append(stack[i]).append('\n');
            }
            if (stack.length > FRAMES) {
                text.append("      ... ").append(stack.length - FRAMES).append(" more\n");
            }
        }
        return n == 0 ? "  (no thread of the test is alive any more)\n" : text.toString();
    }
}
