package org.syncbook.grading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class as the grader of one exercise. Every test in the class counts towards it;
 * the exercise is done when all of them pass.
 *
 * <pre>{@code
 * @Exercise(id = "1.4", title = "A flag that sleeps", file = "QuietFlag.java",
 *           hint = "Chapter 1, 'Sleeping instead of spinning'", timeoutSeconds = 30)
 * class QuietFlagTest { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ExerciseExtension.class)
public @interface Exercise {
    /** The number the book gives the exercise, e.g. {@code "1.4"}; the chapter is the part before the dot. */
    String id();

    /** A few words naming the exercise. */
    String title();

    /** The stub the learner edits, relative to {@code solutions/chapterNN/}. */
    String file();

    /** Where in the book to look when a test fails. */
    String hint();

    /**
     * The time limit of each test, in seconds. A test that runs longer is stopped and reported
     * with the stack of every thread it started. Scaled by {@code -Dworkbook.timeout.scale}.
     */
    int timeoutSeconds() default 20;
}
