/** Browsing the workspace's images and the access-checked image endpoints. */
package studio.imgen.gallery;
