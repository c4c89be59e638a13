package org.syncbook.measure;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.syncbook.futex.FutexBackend;
import org.syncbook.measure.ThunderingHerd.Broadcast;

/**
 * Writes chapter 5's figure, the woken threads that slept again on the mutex per {@code signalAll()},
 * with and without requeue, for 2 to 16 waiters on both futex back ends, and prints the table the
 * chapter quotes. Counts, not times: a busy machine changes them a little, not in shape.
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
 *      -cp 'target/syncbook.jar:target/lib/*' org.syncbook.measure.ThunderingHerdFigures book/images/ch05
 * </pre>
 *
 * <p>The argument is the output directory ({@code book/images/ch05} if omitted); it writes
 * {@code herd-slept-again.png} there. A run takes about half a minute on Linux.
 */
public final class ThunderingHerdFigures {
    static final int[] WAITERS = {2, 4, 8, 16};
    static final int ROUNDS = 200;
    /** How long each woken waiter holds the mutex: the herd collides with it. */
    static final long WORK_NANOS = 1_000;

    private ThunderingHerdFigures() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "book/images/ch05");
        BarChart chart = BarChart.titled("Wait calls on the mutex word per signalAll(), " + ROUNDS + " broadcasts each")
                .valueAxis("per broadcast");
        System.out.println("| N | Linux, wake all | Linux, requeue | portable, wake all | portable, requeue |");
        System.out.println("|---|---|---|---|---|");
        for (int n : WAITERS) {
            StringBuilder row = new StringBuilder("| " + n + " |");
            for (FutexBackend backend : FutexBackend.values()) {
                for (Broadcast how : Broadcast.values()) {
                    double slept = ThunderingHerd.sleptAgain(how, n, ROUNDS, backend, WORK_NANOS);
                    chart.bar("N = " + n, backend.name().toLowerCase() + ", " + how.name().toLowerCase().replace('_', ' '), slept);
                    row.append(String.format(" %.1f |", slept));
                }
            }
            System.out.println(row);
        }
        System.out.println("wrote " + chart.writePng(dir.resolve("herd-slept-again.png")));
    }
}
