/** Builds the data files the harm grammar ({@code org.tocsin.nlp.harm}) ships with. */
package org.tocsin.models.harm;
