/**
 * The Bluesky Jetstream connector: one WebSocket, one capture per event, resumed by {@code cursor}
 * = the last acknowledged {@code time_us}, rewound a little and de-duplicated on reconnect.
 */
package org.tocsin.crawler.source.bluesky;
