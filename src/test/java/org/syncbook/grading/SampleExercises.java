package org.syncbook.grading;

/**
 * {@link Exercise} annotations for the grader's own tests, read from the dummy classes below.
 * Nothing here is a test and nothing here runs; chapter 99 keeps them apart from the book's exercises.
 */
final class SampleExercises {
    @Exercise(id = "99.1", title = "A first exercise", file = "First.java", hint = "chapter 99, 'The first section'")
    static final class First {
    }

    @Exercise(id = "99.2", title = "A second, longer-named exercise", file = "Second.java",
            hint = "chapter 99, 'Where \"quotes\" and \\backslashes\\ live'")
    static final class Second {
    }

    @Exercise(id = "99.3", title = "A third exercise", file = "Third.java", hint = "chapter 99, 'The third section'")
    static final class Third {
    }

    static final Exercise FIRST = First.class.getAnnotation(Exercise.class);
    static final Exercise SECOND = Second.class.getAnnotation(Exercise.class);
    static final Exercise THIRD = Third.class.getAnnotation(Exercise.class);

    private SampleExercises() {
    }
}
