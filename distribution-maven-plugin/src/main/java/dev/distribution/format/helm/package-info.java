/**
 * Helm charts: reading and linting a chart folder, the reproducible {@code .tgz}, the signed
 * provenance file and the {@code index.yaml} of a static chart repository.
 */
package dev.distribution.format.helm;
