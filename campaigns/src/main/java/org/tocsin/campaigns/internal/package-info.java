/** Small primitive collections used by detection; not an API. */
package org.tocsin.campaigns.internal;
