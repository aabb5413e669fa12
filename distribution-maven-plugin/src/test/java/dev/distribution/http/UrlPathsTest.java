package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlPathsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a b.txt|a%20b.txt",
                "x#1|x%231",
                "arr[0]|arr%5B0%5D",
                "q?x=1|q%3Fx=1",
                "100%|100%25",
                "caf\u00e9|caf%C3%A9",
                "\u65e5\u672c|%E6%97%A5%E6%9C%AC",
                "a;b|a%3Bb",
                "1.0+build|1.0%2Bbuild",
                "dir/sub dir/f.tgz|dir/sub%20dir/f.tgz",
                "keep-._~!$&'()*,=:@|keep-._~!$&'()*,=:@",
            })
    void encodesSegments(String raw, String expected) {
        assertThat(UrlPaths.encodePath(raw)).isEqualTo(expected);
    }

    @Test
    void keepsLeadingAndTrailingSlash() {
        assertThat(UrlPaths.encodePath("/a b/")).isEqualTo("/a%20b/");
    }

    @Test
    void rejectsDotDotSegment() {
        assertThatThrownBy(() -> UrlPaths.encodePath("a/../b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'..'");
    }

    @Test
    void resolvesBaseWithoutSlash() {
        assertThat(UrlPaths.resolve("http://127.0.0.1:8081/repository/raw", "dir/a b.txt"))
                .isEqualTo(URI.create("http://127.0.0.1:8081/repository/raw/dir/a%20b.txt"));
    }

    @Test
    void resolvesBaseWithSlash() {
        assertThat(UrlPaths.resolve("http://127.0.0.1:8081/repository/raw/", "dir/a b.txt"))
                .isEqualTo(URI.create("http://127.0.0.1:8081/repository/raw/dir/a%20b.txt"));
    }

    @Test
    void resolvesPathWithLeadingSlash() {
        assertThat(UrlPaths.resolve("http://127.0.0.1/repo/", "/f.txt"))
                .isEqualTo(URI.create("http://127.0.0.1/repo/f.txt"));
    }

    @Test
    void keepsEncodedBase() {
        assertThat(UrlPaths.resolve("http://127.0.0.1/my%20repo", "f#1"))
                .isEqualTo(URI.create("http://127.0.0.1/my%20repo/f%231"));
    }

    @Test
    void rejectsBaseWithQuery() {
        assertThatThrownBy(() -> UrlPaths.resolve("http://127.0.0.1/repo?x=1", "f"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsRelativeBase() {
        assertThatThrownBy(() -> UrlPaths.resolve("repo/raw", "f")).isInstanceOf(IllegalArgumentException.class);
    }
}
