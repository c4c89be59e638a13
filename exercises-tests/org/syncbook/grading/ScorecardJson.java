package org.syncbook.grading;

import java.util.List;

/** The scorecard as JSON, for instructors' scripts. Written by hand: the grader has no JSON library. */
final class ScorecardJson {
    private ScorecardJson() {
    }

    static String of(String chapter, String impl, List<ExerciseGrade> grades) {
        long done = grades.stream().filter(g -> g.status == ExerciseGrade.Status.DONE).count();
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"chapter\": ").append(Integer.parseInt(chapter)).append(",\n");
        json.append("  \"implementation\": ").append(quote(impl)).append(",\n");
        json.append("  \"done\": ").append(done).append(",\n");
        json.append("  \"total\": ").append(grades.size()).append(",\n");
        json.append("  \"exercises\": [");
        for (int i = 0; i < grades.size(); i++) {
            ExerciseGrade g = grades.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {");
            json.append("\"id\": ").append(quote(g.exercise.id()));
            json.append(", \"title\": ").append(quote(g.exercise.title()));
            json.append(", \"file\": ").append(quote(g.exercise.file()));
            json.append(", \"status\": ").append(quote(g.status.name().toLowerCase()));
            json.append(", \"passed\": ").append(g.passed).append(", \"tests\": ").append(g.tests);
            json.append(", \"reason\": ").append(quote(g.reason));
            json.append(", \"hint\": ").append(quote(g.exercise.hint()));
            json.append(",\n      \"results\": [");
            for (int j = 0; j < g.outcomes.size(); j++) {
                TestOutcome o = g.outcomes.get(j);
                json.append(j == 0 ? "\n" : ",\n").append("        {\"test\": ").append(quote(o.test))
                        .append(", \"status\": ").append(quote(o.status.name().toLowerCase()))
                        .append(", \"message\": ").append(quote(o.message)).append('}');
            }
            json.append(g.outcomes.isEmpty() ? "]}" : "\n      ]}");
        }
        json.append(grades.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return json.toString();
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': q.append("\\\""); break;
                case '\\': q.append("\\\\"); break;
                case '\n': q.append("\\n"); break;
                case '\t': q.append("\\t"); break;
                case '\r': q.append("\\r"); break;
                default:
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
            }
        }
        return q.append('"').toString();
    }
}
