/**
 * Publishing images to an OCI distribution registry (Nexus docker-hosted, Docker's registry,
 * any registry that implements the OCI distribution specification): the endpoint, a client for
 * the registry HTTP API with Basic and Bearer token authentication, and the publisher that pushes
 * a built image and tags it.
 */
package dev.distribution.target.registry;
