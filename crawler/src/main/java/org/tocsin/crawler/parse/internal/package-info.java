/**
 * Helpers shared by the platform parsers: bounded JSON reading, HTML to text, and a post builder
 * that clamps every field to the Post JSON contract. Not for use outside {@code crawler.parse}.
 */
package org.tocsin.crawler.parse.internal;
