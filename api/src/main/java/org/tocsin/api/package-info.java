/** Tocsin's HTTP layer over a node: routes, auth, problems, metrics, dashboard and OpenAPI. */
package org.tocsin.api;
