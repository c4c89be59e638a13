package org.syncbook.grading;

/** Finds the {@link Exercise} a test class grades, looking through enclosing classes of nested tests. */
final class Exercises {
    private Exercises() {
    }

    /** The exercise of {@code testClass}, or {@code null} if it is not an exercise test. */
    static Exercise find(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Exercise exercise = c.getAnnotation(Exercise.class);
            if (exercise != null) {
                return exercise;
            }
        }
        return null;
    }

    static Exercise of(Class<?> testClass) {
        Exercise exercise = find(testClass);
        if (exercise == null) {
            throw new IllegalStateException(testClass.getName() + " is run as an exercise test but has no @Exercise");
        }
        return exercise;
    }

    /** {@code "01"} for exercise {@code "1.4"}. */
    static String chapterOf(Exercise exercise) {
        String id = exercise.id();
        int dot = id.indexOf('.');
        int chapter = Integer.parseInt(dot < 0 ? id : id.substring(0, dot));
        return String.format("%02d", chapter);
    }
}
