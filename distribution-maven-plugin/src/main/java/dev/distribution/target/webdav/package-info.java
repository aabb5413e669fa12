/** Publishing to any HTTP server that stores PUT bodies: nginx or Apache WebDAV, Nexus raw. */
package dev.distribution.target.webdav;
