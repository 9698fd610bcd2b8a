package org.myotrack.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

    @Test
    void shouldHandOverEveryItemInOrder() throws IOException {
        AtomicInteger counter = new AtomicInteger();
        List<Integer> taken = new ArrayList<>();
        try (ReadAhead<Integer> reading = ReadAhead.start("test-reader", 2,
                () -> counter.get() < 1_000 ? counter.incrementAndGet() : null)) {
            for (Integer item = reading.next(); item != null; item = reading.next()) {
                taken.add(item);
            }
            assertThat(reading.next()).isNull();
        }
        assertThat(taken).hasSize(1_000).isSorted().startsWith(1).endsWith(1_000);
    }

    @Test
    void shouldRethrowWhatStoppedTheProducerAfterTheItemsBeforeIt() throws IOException {
        AtomicInteger counter = new AtomicInteger();
        try (ReadAhead<Integer> reading = ReadAhead.start("test-reader", 2, () -> {
            if (counter.get() == 3) {
                throw new IOException("file truncated");
            }
            return counter.incrementAndGet();
        })) {
            assertThat(reading.next()).isEqualTo(1);
            assertThat(reading.next()).isEqualTo(2);
            assertThat(reading.next()).isEqualTo(3);
            assertThatThrownBy(reading::next).isInstanceOf(IOException.class).hasMessage("file truncated");
        }
    }

    @Test
    void shouldRethrowUncheckedFailuresAsThemselves() {
        ReadAhead<Integer> reading = ReadAhead.start("test-reader", 2, () -> {
            throw new UncheckedIOException(new IOException("database gone"));
        });
        try (reading) {
            assertThatThrownBy(reading::next).isInstanceOf(UncheckedIOException.class).hasMessageContaining("database gone");
        }
    }

    @Test
    void shouldStopAnEndlessProducerWhenTheConsumerCloses() throws IOException, InterruptedException {
        AtomicInteger produced = new AtomicInteger();
        ReadAhead<Integer> reading = ReadAhead.start("test-reader", 2, produced::incrementAndGet);
        assertThat(reading.next()).isEqualTo(1);
        reading.close();
        int atClose = produced.get();
        // Closing waited for the producer to stop: it was at most a few items ahead, and makes no more.
        assertThat(atClose).isLessThanOrEqualTo(1 + 2 + 1);
        Thread.sleep(200);
        assertThat(produced.get()).isEqualTo(atClose);
    }
}
