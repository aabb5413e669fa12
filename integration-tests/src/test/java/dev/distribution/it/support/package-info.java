/**
 * The integration-test harness: real Maven runs on sample projects ({@link
 * dev.distribution.it.support.MavenRun}), real servers on loopback ({@link
 * dev.distribution.it.support.Nginx}), and a TCP and HTTP fault injector ({@link
 * dev.distribution.it.support.FaultProxy}). Every server binds 127.0.0.1 on a port picked at run
 * time and is stopped by its process id in {@code close()}.
 */
package dev.distribution.it.support;
