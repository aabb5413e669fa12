/** Publishing into a folder on disk: the embedded default repository and static repositories. */
package dev.distribution.target.staticrepo;
