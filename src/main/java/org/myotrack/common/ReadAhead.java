package org.myotrack.common;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Produces the items of a long job (batches of an export, chunks of an import) on a thread of its own, a bounded
 * number ahead of the thread that consumes them: reading the next batch overlaps writing this one, on a second
 * core, while at most {@code ahead} items wait in memory. The consumer takes items in order with {@link #next()},
 * which rethrows what stopped the producer, and closes it when done or failed; closing stops the producer before its
 * next item and waits for it, so nothing keeps running once the request has ended. The producer is never
 * interrupted: an interrupt inside a read of the embedded database's file could close that file.
 *
 * @param <T> the items, handed over in the order produced
 */
public final class ReadAhead<T> implements AutoCloseable {

    /** Produces the next item, or null after the last. */
    @FunctionalInterface
    public interface Source<T> {
        T next() throws IOException;
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> ready;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopped;
    private volatile Throwable failure;
    private boolean finished;

    private ReadAhead(int ahead) {
        this.ready = new ArrayBlockingQueue<>(ahead);
    }

    /** Starts producing from {@code source} on a new daemon thread named {@code name}. */
    public static <T> ReadAhead<T> start(String name, int ahead, Source<T> source) {
        ReadAhead<T> readAhead = new ReadAhead<>(ahead);
        Thread thread = new Thread(() -> readAhead.produce(source), name);
        thread.setDaemon(true);
        thread.start();
        return readAhead;
    }

    private void produce(Source<T> source) {
        try {
            while (!stopped) {
                T item = source.next();
                if (item == null || !hand(item)) {
                    break;
                }
            }
        } catch (IOException | RuntimeException | Error failed) {
            failure = failed;
        } finally {
            hand(END);
            ended.countDown();
        }
    }

    /** Waits for room in the queue; false once the consumer has closed. */
    private boolean hand(Object item) {
        try {
            while (!ready.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The next item, or null after the last; rethrows the failure that ended production early. */
    @SuppressWarnings("unchecked")
    public T next() throws IOException {
        if (finished) {
            return null;
        }
        Object item;
        try {
            item = ready.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the next item");
        }
        if (item != END) {
            return (T) item;
        }
        finished = true;
        Throwable failed = failure;
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        return null;
    }

    /** Stops the producer before its next item and waits until it has stopped. */
    @Override
    public void close() {
        stopped = true;
        ready.clear();
        boolean interrupted = false;
        while (true) {
            try {
                ended.await();
                break;
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
