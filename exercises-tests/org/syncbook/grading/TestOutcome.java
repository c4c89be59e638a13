package org.syncbook.grading;

/** One test's result, as one tab-separated line of a raw results file. */
final class TestOutcome {
    enum Status { PASSED, NOT_DONE_YET, FAILING }

    final String exerciseId;
    final String test;
    final Status status;
    final String message;

    private TestOutcome(String exerciseId, String test, Status status, String message) {
        this.exerciseId = exerciseId;
        this.test = test;
        this.status = status;
        this.message = message;
    }

    static TestOutcome passed(Exercise e, String test) {
        return new TestOutcome(e.id(), test, Status.PASSED, "");
    }

    static TestOutcome notDoneYet(Exercise e, String test) {
        return new TestOutcome(e.id(), test, Status.NOT_DONE_YET, "not done yet");
    }

    static TestOutcome failing(Exercise e, String test, String message) {
        return new TestOutcome(e.id(), test, Status.FAILING, message);
    }

    String toLine() {
        return escape(exerciseId) + '\t' + escape(test) + '\t' + status + '\t' + escape(message);
    }

    static TestOutcome parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("not a raw result line: " + line);
        }
        return new TestOutcome(unescape(f[0]), unescape(f[1]), Status.valueOf(f[2]), unescape(f[3]));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
