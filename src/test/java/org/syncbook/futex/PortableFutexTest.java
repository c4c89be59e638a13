package org.syncbook.futex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.syncbook.futex.Sleepers.awaitAsleep;
import static org.syncbook.futex.Sleepers.countDone;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncbook.futex.Sleepers.Sleeper;
import org.syncbook.mem.HeapIntWord;

/**
 * What only the portable back end can get wrong: its parking lot hashes 256 buckets of waiters,
 * so two unrelated futexes often share a bucket. The shared {@link FutexContract} covers the rest.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PortableFutexTest {
    private final Sleepers sleepers = new Sleepers();
    private final List<Futex> keepAlive = new ArrayList<>();

    @AfterEach
    void tidyUp() {
        sleepers.close();
    }

    /** A portable futex whose parking-lot bucket is the one {@code f} uses (found by trying; 1 in 256 fits). */
    private Futex bucketMate(Futex f) {
        for (int i = 0; i < 100_000; i++) {
            Futex g = Futexes.portable(new HeapIntWord());
            if (ParkingLot.sameBucket(((PortableFutex) f).key(), ((PortableFutex) g).key())) {
                return g;
            }
            keepAlive.add(g); // a live object keeps its identity hash for itself
        }
        throw new AssertionError("no futex sharing a bucket found in 100 000 tries");
    }

    @Test
    @DisplayName("requeue between two futexes sharing a bucket moves the right sleepers and wakes nobody else")
    void requeueWithinOneBucket() throws InterruptedException {
        Futex f = Futexes.portable(new HeapIntWord());
        Futex g = bucketMate(f);
        Sleeper[] onF = {
            sleepers.start("f-1", () -> f.await(0)),
            sleepers.start("f-2", () -> f.await(0)),
            sleepers.start("f-3", () -> f.await(0)),
        };
        Sleeper onG = sleepers.start("g-1", () -> g.await(0));
        awaitAsleep(f, onF);
        awaitAsleep(g, onG);
        assertEquals(3, f.requeue(0, g, 3));
        assertEquals(0, countDone(onF));
        assertEquals(0, f.wake(5), "f's sleepers should all be on g now");
        assertEquals(4, g.wake(5));
        for (Sleeper s : onF) {
            assertEquals(WaitResult.WOKEN, s.join());
        }
        assertEquals(WaitResult.WOKEN, onG.join());
    }

    @Test
    @DisplayName("cmpRequeue back and forth between two futexes sharing a bucket keeps every sleeper queued exactly once")
    void requeueBackAndForth() throws InterruptedException {
        Futex f = Futexes.portable(new HeapIntWord());
        Futex g = bucketMate(f);
        Sleeper[] s = {
            sleepers.start("s-1", () -> f.await(0)),
            sleepers.start("s-2", () -> f.await(0)),
        };
        awaitAsleep(f, s);
        for (int i = 0; i < 10; i++) {
            assertEquals(2, f.cmpRequeue(0, 0, g, 2));
            assertEquals(2, g.cmpRequeue(0, 0, f, 2));
        }
        assertEquals(0, countDone(s));
        assertEquals(0, g.wake(5));
        assertEquals(2, f.wake(5));
        for (Sleeper x : s) {
            assertEquals(WaitResult.WOKEN, x.join());
        }
    }
}
