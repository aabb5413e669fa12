/** Publishing to Sonatype Nexus Repository 3 hosted repositories: URLs, upload methods, answers. */
package dev.distribution.target.nexus;
