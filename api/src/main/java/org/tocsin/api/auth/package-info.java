/**
 * Access over HTTP: the bearer-key check against the node's key store ({@code
 * org.tocsin.node.keys}), the permission matrix and per-key rate limits.
 */
package org.tocsin.api.auth;
