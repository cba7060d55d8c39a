/**
 * API keys as node state: the hashed key store ({@code api-keys.json}), each key's role and
 * revocation. The HTTP layer checks requests against it; the CLI manages it.
 */
package org.tocsin.node.keys;
