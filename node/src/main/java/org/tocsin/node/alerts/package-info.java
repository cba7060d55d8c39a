/**
 * Alerts: rules evaluated as posts are indexed, a persistent outbox with stable alert ids, signed
 * webhooks delivered at least once, and a resumable server-sent-event stream.
 */
package org.tocsin.node.alerts;
