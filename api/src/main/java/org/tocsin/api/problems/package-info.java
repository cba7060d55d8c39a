/**
 * Problems: the error a route handler raises ({@link org.tocsin.api.problems.ApiException}), which
 * the HTTP layer renders as an RFC 9457 problem document. Below both {@code auth} and {@code http}.
 */
package org.tocsin.api.problems;
