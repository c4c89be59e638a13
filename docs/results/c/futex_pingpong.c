/*
 * futex_pingpong.c: the C baseline for chapter 3's futex measurements (Syncbook).
 *
 * Two threads hand a turn back and forth through one private futex word, the same protocol as
 * org.syncbook.bench.FutexPingPongBenchmark: the ping thread stores 1 and wakes, then sleeps
 * while the word is 1; the pong thread sleeps while the word is 0, then stores 0 and wakes.
 * One round trip is two wakes and two sleeps. Each side wakes unconditionally, as the Java
 * benchmark does, so both pay the same system calls.
 *
 * It also times FUTEX_WAKE on a word nobody waits on: the cheapest futex call there is, and the
 * one that shows the cost of the binding most clearly next to the Java figures.
 *
 * Build and run (from the repository root; gcc, Linux, at least two CPUs for "two CPUs"):
 *
 *   gcc -O2 -pthread -o /tmp/futex_pingpong docs/results/c/futex_pingpong.c
 *   /tmp/futex_pingpong            # both placements and the wake cost, default sizes
 *   /tmp/futex_pingpong 200000 20000 2000000   # same-CPU round trips, two-CPU round trips, wakes
 *
 * Output: per placement, the median, 10th and 90th percentile and mean of the round trip in
 * microseconds (each round trip timed with clock_gettime(CLOCK_MONOTONIC), through the vDSO),
 * and the mean cost of one FUTEX_WAKE with no waiter in nanoseconds. The CPUs used are the first
 * and second CPU this process may run on (sched_getaffinity), like org.syncbook.measure.Placement.
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static _Atomic int word __attribute__((aligned(64)));
static long rounds;
static int cpu_ping, cpu_pong;

static long futex(void *addr, int op, int val) {
    return syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

static void pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) {
        perror("sched_setaffinity");
        exit(1);
    }
}

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t) t.tv_sec * 1000000000u + (uint64_t) t.tv_nsec;
}

// tag::pong[]
static void *pong(void *arg) {
    (void) arg;
    pin(cpu_pong);
    for (long i = 0; i < rounds; i++) {
        while (atomic_load_explicit(&word, memory_order_acquire) == 0) {
            futex(&word, FUTEX_WAIT_PRIVATE, 0);
        }
        atomic_store_explicit(&word, 0, memory_order_release);
        futex(&word, FUTEX_WAKE_PRIVATE, 1);
    }
    return NULL;
}
// end::pong[]

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;
    return x < y ? -1 : x > y;
}

static void pingpong(const char *label, int a, int b, long n) {
    uint64_t *rt = malloc(sizeof(uint64_t) * n);
    pthread_t t;
    cpu_ping = a;
    cpu_pong = b;
    rounds = n;
    atomic_store(&word, 0);
    pin(cpu_ping);
    pthread_create(&t, NULL, pong, NULL);
    // tag::ping[]
    for (long i = 0; i < n; i++) {
        uint64_t t0 = now_ns();
        atomic_store_explicit(&word, 1, memory_order_release);
        futex(&word, FUTEX_WAKE_PRIVATE, 1);
        while (atomic_load_explicit(&word, memory_order_acquire) == 1) {
            futex(&word, FUTEX_WAIT_PRIVATE, 1);
        }
        rt[i] = now_ns() - t0;
    }
    // end::ping[]
    pthread_join(t, NULL);
    long skip = n / 10; /* the first tenth is warm-up */
    double sum = 0;
    for (long i = skip; i < n; i++) {
        sum += rt[i];
    }
    qsort(rt + skip, n - skip, sizeof(uint64_t), cmp_u64);
    long m = n - skip;
    printf("C futex ping-pong, %-8s (CPUs %d,%d): median %7.2f us  p10 %7.2f  p90 %7.2f  mean %7.2f  (%ld round trips)\n",
           label, a, b, rt[skip + m / 2] / 1e3, rt[skip + m / 10] / 1e3, rt[skip + 9 * m / 10] / 1e3,
           sum / m / 1e3, m);
    free(rt);
}

static void wake_cost(long n) {
    static _Atomic int idle __attribute__((aligned(64)));
    for (long i = 0; i < n / 10; i++) {
        futex(&idle, FUTEX_WAKE_PRIVATE, 1);
    }
    uint64_t t0 = now_ns();
    for (long i = 0; i < n; i++) {
        futex(&idle, FUTEX_WAKE_PRIVATE, 1);
    }
    uint64_t t1 = now_ns();
    printf("C FUTEX_WAKE_PRIVATE, nobody waiting: %.0f ns per call (%ld calls)\n", (double) (t1 - t0) / n, n);
    t0 = now_ns();
    for (long i = 0; i < n; i++) {
        futex(&idle, FUTEX_WAKE, 1);
    }
    t1 = now_ns();
    printf("C FUTEX_WAKE (shared), nobody waiting: %.0f ns per call (%ld calls)\n", (double) (t1 - t0) / n, n);
}

int main(int argc, char **argv) {
    long same = argc > 1 ? atol(argv[1]) : 200000;
    long split = argc > 2 ? atol(argv[2]) : 20000;
    long wakes = argc > 3 ? atol(argv[3]) : 2000000;
    cpu_set_t allowed;
    sched_getaffinity(0, sizeof allowed, &allowed);
    int first = -1, second = -1;
    for (int c = 0; c < CPU_SETSIZE; c++) {
        if (CPU_ISSET(c, &allowed)) {
            if (first < 0) {
                first = c;
            } else if (second < 0) {
                second = c;
            }
        }
    }
    pin(first);
    wake_cost(wakes);
    pingpong("same CPU", first, first, same);
    if (second >= 0) {
        pingpong("two CPUs", first, second, split);
    } else {
        printf("only one CPU available: no two-CPU run\n");
    }
    return 0;
}
