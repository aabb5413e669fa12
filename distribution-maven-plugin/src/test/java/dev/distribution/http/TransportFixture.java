package dev.distribution.http;

import dev.distribution.core.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/** A transport with a recording reporter and a sleeper that records instead of waiting. */
final class TransportFixture implements AutoCloseable {
    final RecordingReporter reporter = new RecordingReporter();
    final Redactor redactor = new Redactor();
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    final HttpTransport transport;

    TransportFixture() {
        this(settings -> settings);
    }

    TransportFixture(UnaryOperator<TransportSettings.Builder> customize) {
        TransportSettings.Builder builder = TransportSettings.builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .sleeper(sleeps::add);
        transport = new HttpTransport(customize.apply(builder).build(), reporter, redactor);
    }

    @Override
    public void close() {
        transport.close();
    }
}
