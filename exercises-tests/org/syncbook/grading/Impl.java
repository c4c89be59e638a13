package org.syncbook.grading;

import java.util.function.Supplier;

/**
 * Which implementation the exercise tests build: the learner's ({@code solutions/}) or the
 * reference ({@code org.syncbook.*}), chosen with {@code -Dworkbook.impl=solutions|reference}.
 * The chapter profiles choose {@code solutions}; a plain build grades the reference, which is how
 * CI proves every exercise test can pass.
 */
public final class Impl {
    private Impl() {
    }

    /** {@code true} when grading the learner's code. */
    public static boolean solutions() {
        String impl = System.getProperty("workbook.impl", "reference");
        switch (impl) {
            case "solutions":
                return true;
            case "reference":
                return false;
            default:
                throw new IllegalStateException("workbook.impl must be 'reference' or 'solutions', not '" + impl + "'");
        }
    }

    /** The learner's object when grading solutions, the reference's otherwise. */
    public static <T> T pick(Supplier<? extends T> reference, Supplier<? extends T> solution) {
        return solutions() ? solution.get() : reference.get();
    }

    /** Names the implementation under test, for messages. */
    public static String name() {
        return solutions() ? "your solution" : "the reference implementation";
    }
}
