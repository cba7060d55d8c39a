/**
 * Loopback fake platforms for connector tests: Vert.x HTTP servers on 127.0.0.1 that replay real
 * recorded responses (bodies and headers) and inject faults on request.
 */
package org.tocsin.testkit.fake;
