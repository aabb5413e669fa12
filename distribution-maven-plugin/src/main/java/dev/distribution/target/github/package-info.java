/**
 * Publishing to GitHub Releases through the REST API: the release for a tag is created or
 * updated, and files are uploaded as its assets, re-runnably. Works with github.com and GitHub
 * Enterprise Server.
 */
package dev.distribution.target.github;
