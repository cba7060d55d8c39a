/**
 * Coordinated-amplification detection: signals between accounts, the coordination graph, campaigns
 * and their reports. {@link org.tocsin.campaigns.CampaignConfig} holds every parameter.
 */
package org.tocsin.campaigns;
