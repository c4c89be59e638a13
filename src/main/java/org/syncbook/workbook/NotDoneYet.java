package org.syncbook.workbook;

/**
 * Thrown by every exercise stub in {@code solutions/} until the learner replaces it.
 *
 * <p>The grader tells this exception apart from any other failure, so the scorecard can say
 * "not done yet" for an exercise that was never started instead of "failing".
 */
public final class NotDoneYet extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    private final String exercise;

    /** @param exercise the exercise number as the book prints it, e.g. {@code "1.2"} */
    public NotDoneYet(String exercise) {
        super("Exercise " + exercise + " is not done yet: replace this line with your solution.");
        this.exercise = exercise;
    }

    /** The exercise number, e.g. {@code "1.2"}. */
    public String exercise() {
        return exercise;
    }
}
