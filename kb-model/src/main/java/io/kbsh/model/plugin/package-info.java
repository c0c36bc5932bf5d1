/**
 * The plugin descriptor and the API version: what a plugin JAR declares about itself.
 */
package io.kbsh.model.plugin;
