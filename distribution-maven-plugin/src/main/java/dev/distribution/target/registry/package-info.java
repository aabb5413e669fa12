/**
 * Pushing artifacts to an OCI distribution registry: blobs, manifests, tags and the registry's
 * token authentication.
 */
package dev.distribution.target.registry;
