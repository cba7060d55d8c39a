/**
 * The attribution aid: per campaign, the evidence of coordination written out as an investigator
 * would read it, with what it shows and what it cannot show.
 */
package org.tocsin.campaigns.attribution;
