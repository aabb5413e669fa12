/**
 * The engine's model and its publishing loop, free of Maven and of any format: repositories,
 * package files, targets, the publisher with its idempotency check, the publication record, the
 * reporter and the exceptions that carry the rejected value.
 */
package dev.distribution.core;
