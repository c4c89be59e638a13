package org.syncbook.wait.examples;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.syncbook.wait.WaitOutcome;
import org.syncbook.wait.WaitQueue;

/**
 * Clients send requests, a server answers each; a client sleeps until its own reply is in. One
 * wait queue serves both directions, with a record as the key: {@code Key(REQUESTS, 0)} for the
 * server's "a request came in", {@code Key(REPLY, id)} for a client's "the reply to {@code id} came in".
 */
public final class RequestReplyChannel<Q, R> {
    // tag::key[]
    /** What a thread waits for: a composite key, compared by value. */
    public record Key(Kind kind, long id) {
    }

    public enum Kind { REQUESTS, REPLY }
    // end::key[]

    private record Request<Q>(long id, Q body) {
    }

    private static final Key REQUESTS = new Key(Kind.REQUESTS, 0);

    private final Queue<Request<Q>> requests = new ConcurrentLinkedQueue<>();
    private final Map<Long, R> replies = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final WaitQueue<Key> waits;

    public RequestReplyChannel(WaitQueue<Key> waits) {
        this.waits = waits;
    }

    // tag::call[]
    /** Sends {@code request} and waits for its reply. */
    public R call(Q request, long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        long id = ids.incrementAndGet();
        requests.add(new Request<>(id, request));
        waits.wakeOne(REQUESTS); // one server thread is enough for one request
        Key mine = new Key(Kind.REPLY, id);
        if (waits.waitWhile(mine, timeout, unit, () -> !replies.containsKey(id)) == WaitOutcome.TIMED_OUT) {
            throw new TimeoutException("no reply to request " + id + " (" + request + ")");
        }
        return replies.remove(id);
    }
    // end::call[]

    /**
     * Answers requests with {@code handler} until {@code stop} is true, sleeping while there are none;
     * checks {@code stop} at least every {@code pollMillis} (a stop needs no wake of its own).
     */
    public void serve(Function<Q, R> handler, java.util.function.BooleanSupplier stop, long pollMillis)
            throws InterruptedException {
        while (!stop.getAsBoolean()) {
            Request<Q> next = requests.poll();
            if (next == null) {
                waits.waitWhile(REQUESTS, pollMillis, TimeUnit.MILLISECONDS, requests::isEmpty);
                continue;
            }
            replies.put(next.id(), handler.apply(next.body()));
            waits.wakeAll(new Key(Kind.REPLY, next.id()));
        }
    }
}
