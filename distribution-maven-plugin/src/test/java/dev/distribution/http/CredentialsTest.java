package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void basicEncodesUtf8() {
        Credentials.Basic basic = new Credentials.Basic("jos\u00e9", "p\u00e4ss", "test");
        // "josé:päss" in UTF-8, Base64-encoded.
        assertThat(basic.authorization()).isEqualTo("Basic am9zw6k6cMOkc3M=");
    }

    @Test
    void basicSecretsIncludeEncodedPair() {
        Credentials.Basic basic = new Credentials.Basic("u", "pw", "test");
        assertThat(basic.secrets()).contains(basic.authorization().substring(6));
    }

    @Test
    void basicToStringMasksPassword() {
        assertThat(new Credentials.Basic("u", "hunter22", "s").toString()).doesNotContain("hunter22");
    }

    @Test
    void bearerToStringMasksToken() {
        assertThat(new Credentials.Bearer("tok-123", "s").toString()).doesNotContain("tok-123");
    }

    @Test
    void headerToStringMasksValue() {
        assertThat(new Credentials.Header("PRIVATE-TOKEN", "glpat-1", "s").toString())
                .doesNotContain("glpat-1");
    }
}
