/**
 * The {@code tocsin} command line: demo, serve, import, verify. Exit codes 0, 1 (failure), 2
 * (usage).
 */
package org.tocsin.cli;
