package org.syncbook.grading;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where raw results go: {@code <grades dir>/raw/<run id>/}. Every {@code mvn test} run has a run id
 * of its own (the build's timestamp), so results left over from an earlier run never mix in.
 */
final class RawResults {
    private RawResults() {
    }

    static String gradesDir() {
        return System.getProperty("workbook.grades.dir", "target/grades");
    }

    static Path runDirectory() {
        return runDirectory(Paths.get(gradesDir()), System.getProperty("workbook.run", "adhoc"));
    }

    static Path runDirectory(Path gradesDir, String runId) {
        return gradesDir.resolve("raw").resolve(runId);
    }
}
