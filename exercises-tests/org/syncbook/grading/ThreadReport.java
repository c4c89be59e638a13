package org.syncbook.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each thread of a test is, as a short text a learner can read: the threads the test started
 * first (that is where a lost wake-up shows), the test's own thread last, and only the frames that
 * matter: no reflection, no JUnit, no lambda plumbing.
 */
final class ThreadReport {
    private static final int FRAMES = 8;
    private static final String[] HARNESS = {
        "jdk.internal.reflect.", "java.lang.reflect.", "sun.reflect.", "org.junit.", "org.syncbook.grading.ExerciseExtension",
    };

    private ThreadReport() {
    }

    static String of(ThreadGroup group) {
        Thread[] all = new Thread[group.activeCount() + 16];
        List<Thread> threads = new ArrayList<>(Arrays.asList(all).subList(0, group.enumerate(all, true)));
        threads.sort((a, b) -> Boolean.compare(isTestThread(a), isTestThread(b))); // started threads first
        StringBuilder text = new StringBuilder();
        for (Thread t : threads) {
            text.append("  thread \"").append(t.getName()).append("\" (").append(t.getState()).append(")\n");
            int shown = 0;
            for (StackTraceElement frame : t.getStackTrace()) {
                if (shown == FRAMES) {
                    text.append("      ...\n");
                    break;
                }
                if (!isHarness(frame)) {
                    text.append("      at ").append(format(frame)).append('\n');
                    shown++;
                }
            }
        }
        return threads.isEmpty() ? "  (no thread of the test is alive any more)\n" : text.toString();
    }

    private static boolean isTestThread(Thread t) {
        return t.getName().startsWith("test: ");
    }

    private static boolean isHarness(StackTraceElement frame) {
        String cls = frame.getClassName();
        if (cls.contains("$$Lambda")) {
            return true;
        }
        for (String prefix : HARNESS) {
            if (cls.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code chapter01.QuietFlag.awaitRaised(QuietFlag.java:19)}, without module and loader prefixes. */
    private static String format(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "native"
                : frame.getFileName() == null ? "unknown" : frame.getFileName() + ":" + frame.getLineNumber();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }
}
