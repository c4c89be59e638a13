package org.syncbook.bench;

/**
 * What every benchmark's forked JVM is started with. JMH runs each benchmark in a JVM of its own,
 * started with {@code -cp benchmarks.jar}, so the jar's {@code Enable-Native-Access} manifest entry
 * does not reach it: each benchmark class therefore names this flag in its {@code @Fork}. JNA then
 * loads without the JDK 24+ warning about restricted methods; JDK 17 to 23 accept the flag too.
 */
final class BenchJvm {
    /** For {@code @Fork(jvmArgsAppend = BenchJvm.NATIVE_ACCESS)}. */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private BenchJvm() {
    }
}
