/** Publishing Debian packages through aptly's REST API: upload, add to a local repository, publish. */
package dev.distribution.target.aptly;
