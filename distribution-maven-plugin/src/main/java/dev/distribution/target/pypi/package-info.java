/**
 * Publishing Python distributions: the PyPI legacy upload API (Nexus pypi-hosted and every server
 * twine uploads to) and a static simple repository on any HTTP server that accepts PUT.
 */
package dev.distribution.target.pypi;
