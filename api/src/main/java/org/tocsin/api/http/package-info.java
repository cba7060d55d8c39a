/** The REST API and dashboard over Vert.x Web: routes, problem JSON errors, security headers. */
package org.tocsin.api.http;
