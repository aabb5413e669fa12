/**
 * Publishing to GitLab: files go to the project's generic package registry, and the release of a
 * tag links to them, so that the release's download URLs stay valid. Works with gitlab.com and
 * self-managed instances.
 */
package dev.distribution.target.gitlab;
