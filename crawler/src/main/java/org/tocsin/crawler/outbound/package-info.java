/**
 * Which hosts the node may contact at all (server-side request forgery guard): URLs are parsed,
 * their hosts resolved, and loopback, private, link-local, unspecified, multicast, shared (CGNAT)
 * and reserved addresses refused unless an admin allow-list names them; the checked address is the
 * one connected to.
 */
package org.tocsin.crawler.outbound;
