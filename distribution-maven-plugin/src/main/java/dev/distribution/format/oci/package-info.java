/**
 * Container images: the image description ({@link dev.distribution.format.oci.ImageSpec}), its
 * validation, the build of one image per platform with Jib core, and the OCI image layout that
 * contains the result and that the registry target pushes from.
 */
package dev.distribution.format.oci;
