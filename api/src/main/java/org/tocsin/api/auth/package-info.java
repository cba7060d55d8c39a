/** Access: API keys (stored hashed, shown once), roles, the permission matrix and rate limits. */
package org.tocsin.api.auth;
