package org.syncbook.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.workbook.NotDoneYet;

/** {@link GradingListener}: telling "not done yet" from a real failure, and the words a failure is reported in. */
class GradingListenerTest {

    @Test
    @DisplayName("a stub's NotDoneYet is recognised when thrown directly")
    void direct() {
        assertTrue(GradingListener.notDoneYet(new NotDoneYet("99.1")));
    }

    @Test
    @DisplayName("NotDoneYet is found anywhere in the cause chain")
    void inCauseChain() {
        Throwable wrapped = new AssertionError("a waiter failed", new ExecutionException(new NotDoneYet("99.1")));
        assertTrue(GradingListener.notDoneYet(wrapped));
    }

    @Test
    @DisplayName("NotDoneYet is found among suppressed exceptions, and among the causes of those")
    void inSuppressed() {
        Throwable top = new IllegalStateException("close failed");
        top.addSuppressed(new NotDoneYet("99.1"));
        assertTrue(GradingListener.notDoneYet(top), "suppressed directly");

        Throwable deep = new AssertionError("outer", new RuntimeException("middle"));
        Throwable suppressed = new RuntimeException("cleanup", new NotDoneYet("99.2"));
        deep.getCause().addSuppressed(suppressed);
        assertTrue(GradingListener.notDoneYet(deep), "suppressed by a cause, wrapping NotDoneYet");
    }

    @Test
    @DisplayName("a failure without NotDoneYet, or no failure at all, is not 'not done yet'")
    void otherFailures() {
        assertFalse(GradingListener.notDoneYet(null));
        assertFalse(GradingListener.notDoneYet(new AssertionError("expected 1 but was 2")));
        assertFalse(GradingListener.notDoneYet(new UnsupportedOperationException("NotDoneYet's superclass is not enough")));
        Throwable chain = new RuntimeException(new IllegalStateException("x"));
        chain.addSuppressed(new ArithmeticException());
        assertFalse(GradingListener.notDoneYet(chain));
    }

    @Test
    @DisplayName("an assertion's message is the verdict, word for word")
    void assertionMessage() {
        assertEquals("a waiter slept through a wake", GradingListener.messageOf(new AssertionError("a waiter slept through a wake")));
    }

    @Test
    @DisplayName("an exception from the learner's code is named, so it is not read as the grader's verdict")
    void exceptionIsNamed() {
        assertEquals("IllegalStateException: lock not held", GradingListener.messageOf(new IllegalStateException("lock not held")));
    }

    @Test
    @DisplayName("an exception without a message is named with the place it was thrown")
    void noMessage() {
        IllegalStateException e = new IllegalStateException();
        assertEquals("java.lang.IllegalStateException at " + e.getStackTrace()[0], GradingListener.messageOf(e));
        IllegalStateException blank = new IllegalStateException("  ");
        assertEquals("java.lang.IllegalStateException at " + blank.getStackTrace()[0], GradingListener.messageOf(blank),
                "a blank message counts as none");
        IllegalStateException nowhere = new IllegalStateException();
        nowhere.setStackTrace(new StackTraceElement[0]);
        assertEquals("java.lang.IllegalStateException", GradingListener.messageOf(nowhere));
    }

    @Test
    @DisplayName("no exception at all is reported as 'failed'")
    void noException() {
        assertEquals("failed", GradingListener.messageOf(null));
    }
}
