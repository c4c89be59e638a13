package org.syncbook.sys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Clocks}: the monotonic clock is the one {@link System#nanoTime()} reads, and the thread CPU
 * clock counts work, not waiting. Only directions are asserted, with wide margins: the machine may be busy.
 */
class ClocksTest {

    @Test
    @DisplayName("a monotonic reading lies between two System.nanoTime() readings taken around it")
    void monotonicIsNanoTime() {
        for (int i = 0; i < 1000; i++) {
            long before = System.nanoTime();
            long reading = Clocks.monotonicNanos();
            long after = System.nanoTime();
            assertTrue(before <= reading && reading <= after,
                    "nanoTime " + before + ", then CLOCK_MONOTONIC " + reading + ", then nanoTime " + after);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Clock.class)
    @DisplayName("every clock can be read and never goes backwards between two readings in a row")
    void everyClockReads(Clock clock) {
        long first = Clocks.read(clock);
        long second = Clocks.read(clock);
        assertTrue(first >= 0, clock + " read " + first);
        if (clock != Clock.REALTIME) { // the wall clock may be set back
            assertTrue(second >= first, clock + " went from " + first + " to " + second);
        }
    }

    @Test
    @DisplayName("the thread CPU clock grows when the thread works")
    void cpuTimeGrowsWithWork() {
        // Work until the JVM itself says this thread has used 50 ms of CPU (a busy machine may make
        // that take longer than 50 ms of wall time), then read our clock.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = Clocks.threadCpuNanos();
        long jvmBefore = threads.getCurrentThreadCpuTime();
        long giveUp = System.nanoTime() + 10_000_000_000L;
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() - jvmBefore < 50_000_000L && System.nanoTime() < giveUp) {
            for (int i = 0; i < 10_000; i++) {
                sink += i * 31L ^ sink;
            }
        }
        long grown = Clocks.threadCpuNanos() - before;
        assertTrue(grown > 10_000_000L, String.format(
                "after about 50 ms of busy work the thread CPU clock grew by only %.1f ms (sink %d)", grown / 1e6, sink));
    }

    @Test
    @DisplayName("the thread CPU clock barely moves while the thread sleeps")
    void cpuTimeStandsStillWhileSleeping() throws InterruptedException {
        long cpuBefore = Clocks.threadCpuNanos();
        long wallBefore = System.nanoTime();
        Thread.sleep(200);
        long cpu = Clocks.threadCpuNanos() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        assertTrue(cpu < 100_000_000L, String.format(
                "sleeping %.0f ms added %.1f ms of thread CPU time: is it reading a wall clock?", wall / 1e6, cpu / 1e6));
    }

    @Test
    @DisplayName("the thread CPU clock counts this thread only, not the work of another thread")
    void cpuTimeIsPerThread() throws InterruptedException {
        long cpuBefore = Clocks.threadCpuNanos();
        long processBefore = Clocks.read(Clock.PROCESS_CPUTIME);
        Thread worker = new Thread(() -> {
            long end = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }, "worker");
        worker.setDaemon(true);
        worker.start();
        worker.join(10_000);
        assertFalse(worker.isAlive(), "the worker did not finish within 10 s");
        long mine = Clocks.threadCpuNanos() - cpuBefore;
        long process = Clocks.read(Clock.PROCESS_CPUTIME) - processBefore;
        assertTrue(mine < 100_000_000L, String.format(
                "while another thread worked 200 ms, this waiting thread's CPU clock grew by %.1f ms", mine / 1e6));
        assertTrue(process > mine, String.format(
                "the process CPU clock (%.1f ms) should include the worker's work, this thread's (%.1f ms) not",
                process / 1e6, mine / 1e6));
    }
}
