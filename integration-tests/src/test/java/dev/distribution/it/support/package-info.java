/**
 * The integration-test harness: real Maven runs on sample projects ({@link
 * dev.distribution.it.support.MavenRun}), real servers on loopback ({@link
 * dev.distribution.it.support.Nginx}), and a TCP and HTTP fault injector ({@link
 * dev.distribution.it.support.FaultProxy}). Every server binds 127.0.0.1 on a port picked at run
 * time and is stopped by its process id in {@code close()}.
 *
 * <p>A typical test starts a server, copies a sample with the server's URL filled in, and runs
 * Maven with credentials in a settings file written for that run:
 *
 * <pre>{@code
 * try (Nginx nginx = Nginx.start(ItEnvironment.freshFolder("RawIT/deploy/nginx"), "deployer", "s3cret");
 *         FaultProxy proxy = FaultProxy.start(nginx.putPort(), FaultProxy.unavailable(2))) {
 *     MavenRun build = MavenRun.of("raw-app", "RawIT/deploy/build", Map.of("RAW_URL", proxy.url() + "raw/"))
 *             .settings(new MavenSettings().server("it-raw", "deployer", "s3cret"));
 *     MavenRun.BuildResult result = build.run("deploy");
 *     assertThat(result.exitCode()).as(result.toString()).isZero();
 * }
 * }</pre>
 *
 * <p>Work folders, build logs and server logs stay under {@code target/it-work/} after the run.
 */
package dev.distribution.it.support;
