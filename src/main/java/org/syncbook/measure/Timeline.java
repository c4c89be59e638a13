package org.syncbook.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who held a lock when: one row per thread, and on each row the intervals it held the lock (for
 * reading or writing) or waited for it. Times are nanoseconds since the experiment began. What
 * {@link RwLockTimeline} records and {@link TimelineChart} draws.
 */
public final class Timeline {
    /** What a thread was doing during an interval. */
    public enum Kind { READ, WRITE, WAIT }

    /** One interval on one thread's row. */
    public record Interval(String thread, Kind kind, long startNanos, long endNanos) {
        public Interval {
            if (endNanos < startNanos) {
                throw new IllegalArgumentException("an interval ends (" + endNanos + ") before it starts (" + startNanos + ")");
            }
        }

        public long nanos() {
            return endNanos - startNanos;
        }
    }

    private final String title;
    private final List<Interval> intervals;
    private final List<String> threads;

    /** A timeline of {@code intervals}; rows in the order their threads first appear. */
    public Timeline(String title, List<Interval> intervals) {
        this.title = title;
        this.intervals = List.copyOf(intervals);
        Set<String> rows = new LinkedHashSet<>();
        intervals.forEach(i -> rows.add(i.thread()));
        this.threads = List.copyOf(rows);
    }

    public String title() {
        return title;
    }

    public List<Interval> intervals() {
        return intervals;
    }

    /** The rows, one per thread. */
    public List<String> threads() {
        return threads;
    }

    /** When the last interval ends (0 for an empty timeline). */
    public long endNanos() {
        return intervals.stream().mapToLong(Interval::endNanos).max().orElse(0);
    }

    /** How many intervals of {@code kind}. */
    public long count(Kind kind) {
        return intervals.stream().filter(i -> i.kind() == kind).count();
    }

    /** The longest interval of {@code kind}, in nanoseconds (0 if none). */
    public long longest(Kind kind) {
        return intervals.stream().filter(i -> i.kind() == kind).mapToLong(Interval::nanos).max().orElse(0);
    }

    /** The intervals of {@code kind}, sorted by start. */
    public List<Interval> of(Kind kind) {
        List<Interval> list = new ArrayList<>();
        intervals.stream().filter(i -> i.kind() == kind).forEach(list::add);
        list.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        return Collections.unmodifiableList(list);
    }

    @Override
    public String toString() {
        return String.format("%s: %d reads, %d writes, longest writer wait %.1f ms, %.1f ms in all", title, count(Kind.READ),
                count(Kind.WRITE), longest(Kind.WAIT) / 1e6, endNanos() / 1e6);
    }
}
