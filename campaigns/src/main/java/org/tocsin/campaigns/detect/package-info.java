/** Batch campaign detection: posts in, campaigns with evidence, harm profile and timeline out. */
package org.tocsin.campaigns.detect;
