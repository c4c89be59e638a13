package org.syncbook.measure;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.syncbook.futex.Futexes;
import org.syncbook.lock.RwLock1;
import org.syncbook.lock.RwLock3;

/**
 * Writes chapter 6's two timeline figures: four readers in a continuous stream and one writer,
 * on {@link RwLock1} (the writer starves until the readers stop) and on {@link RwLock3} (the
 * writer gets in again and again). Prints one line per lock.
 *
 * <p>Run it from the root of the repository:
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
 *      -cp 'target/syncbook.jar:target/lib/*' org.syncbook.measure.RwLockTimelineFigures book/images/ch06
 * </pre>
 *
 * <p>The argument is the output directory ({@code book/images/ch06} if omitted); it writes
 * {@code rwlock1-timeline.png} and {@code rwlock3-timeline.png}. A run takes under a second. The
 * bars move from run to run; the shape (one long grey wait on step 1, short ones on step 3) does not.
 */
public final class RwLockTimelineFigures {
    static final int READERS = 4;
    static final long HOLD_MICROS = 1_000;
    static final long WRITER_GAP_MICROS = 10_000;
    static final long DURATION_MILLIS = 120;

    private RwLockTimelineFigures() {
    }

    /** The experiment the figures show. */
    public static RwLockTimeline experiment() {
        return new RwLockTimeline(READERS, HOLD_MICROS, WRITER_GAP_MICROS, DURATION_MILLIS);
    }

    /** Step 1 under the stream. */
    public static Timeline step1(RwLockTimeline experiment) throws InterruptedException {
        RwLock1 lock = new RwLock1(Futexes.defaultBackend());
        return experiment.run("RwLock1: the readers never all leave, the writer waits", RwLockTimeline.Rw.of(
                lock::readLock, lock::readUnlock, lock::writeLock, lock::writeUnlock));
    }

    /** Step 3 under the same stream. */
    public static Timeline step3(RwLockTimeline experiment) throws InterruptedException {
        RwLock3 lock = new RwLock3(Futexes.defaultBackend());
        return experiment.run("RwLock3: a waiting writer stops new readers", RwLockTimeline.Rw.of(
                lock::readLock, lock::readUnlock, lock::writeLock, lock::writeUnlock));
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "book/images/ch06");
        RwLockTimeline experiment = experiment();
        step3(experiment); // a warm-up, so the figures do not show class loading and the JIT
        Timeline one = step1(experiment);
        Timeline three = step3(experiment);
        System.out.println(one);
        System.out.println(three);
        Path a = TimelineChart.of(one).writePng(dir.resolve("rwlock1-timeline.png"));
        Path b = TimelineChart.of(three).writePng(dir.resolve("rwlock3-timeline.png"));
        System.out.println("wrote " + a + " and " + b);
    }
}
