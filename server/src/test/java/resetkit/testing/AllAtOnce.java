package resetkit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Calls made from several threads at once, for tests of what concurrent requests do. */
public final class AllAtOnce {
    private AllAtOnce() {
    }

    /**
     * Makes {@code count} calls ({@code call} gives the i-th) from {@code threads} threads; the
     * first {@code threads} start together once all are submitted. Returns their results in order.
     */
    public static <T> List<T> run(int threads, int count, IntFunction<Callable<T>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> next = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return next.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
