/** JSON: the shared, bounded Jackson setup and the defensive Post JSON codec. */
package org.tocsin.core.json;
