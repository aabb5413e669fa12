package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpRequestTest {
    private static final URI URL = URI.create("http://127.0.0.1/x");

    @ParameterizedTest
    @CsvSource({"GET,true", "HEAD,true", "PUT,true", "DELETE,true", "OPTIONS,true", "POST,false", "PATCH,false"})
    void idempotentByMethod(String method, boolean idempotent) {
        HttpRequest request = HttpRequest.method(method, URL, RequestBody.ofString("", "text/plain"))
                .build();
        assertThat(request.idempotent()).isEqualTo(idempotent);
    }

    @Test
    void rejectsContentLengthHeader() {
        assertThatThrownBy(() -> HttpRequest.get(URL).header("Content-Length", "3"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsHeaderLineBreak() {
        assertThatThrownBy(() -> HttpRequest.get(URL).header("X-A", "a\r\nX-B: b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonHttpUrl() {
        assertThatThrownBy(() -> HttpRequest.get(URI.create("ftp://127.0.0.1/x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void methodUpperCased() {
        assertThat(HttpRequest.method("propfind", URL, null).build().method()).isEqualTo("PROPFIND");
    }
}
