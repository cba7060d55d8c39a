/**
 * How often accounts outside a campaign share the objects its accounts shared: the organic baseline
 * a reader needs to judge whether a shared hashtag sequence, link or text is unusual.
 */
package org.tocsin.campaigns.baseline;
