/** Configuration: one JSON file, every key documented in the checked-in default. */
package org.tocsin.node.config;
