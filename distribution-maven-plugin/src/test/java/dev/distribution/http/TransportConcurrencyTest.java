package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void parallelUploadsAllArrive() throws Exception {
        Path file = dir.resolve("part.bin");
        Files.write(file, new byte[100_000]);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ScriptedServer server = ScriptedServer.start();
                TransportFixture fixture = new TransportFixture()) {
            List<Future<HttpResponse>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                HttpRequest put = HttpRequest.put(
                                server.url("/raw/f" + i + ".bin"), RequestBody.ofFile(file, "application/octet-stream"))
                        .build();
                results.add(pool.submit(() -> fixture.transport.executeOrThrow(put)));
            }
            for (Future<HttpResponse> result : results) {
                assertThat(result.get().status()).isEqualTo(200);
            }
            assertThat(server.received()).hasSize(40);
            assertThat(server.received())
                    .allSatisfy(request -> assertThat(request.body()).hasSize(100_000));
        } finally {
            pool.shutdownNow();
        }
    }
}
