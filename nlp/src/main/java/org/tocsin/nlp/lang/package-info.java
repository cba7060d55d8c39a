/**
 * Language identification of short posts with Lingua, restricted to the configured languages, and
 * reconciled with the language the platform declared.
 */
package org.tocsin.nlp.lang;
