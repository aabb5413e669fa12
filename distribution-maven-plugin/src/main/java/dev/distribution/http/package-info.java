/**
 * The one HTTP transport of the build, on Apache HttpClient 5: {@link dev.distribution.http.HttpTransport}
 * sends {@link dev.distribution.http.HttpRequest}s with preemptive {@link dev.distribution.http.Credentials},
 * settings.xml proxies, TLS trust extended by an optional CA bundle, bodies streamed from disk,
 * retries with backoff for idempotent requests, progress for large transfers and secrets redacted
 * from every log line and exception message. {@link dev.distribution.http.UrlPaths} builds request
 * URLs from a base URL and a file path.
 */
package dev.distribution.http;
