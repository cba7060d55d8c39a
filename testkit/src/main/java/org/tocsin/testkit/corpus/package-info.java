/**
 * Builds the bundled demo corpus of real posts (IRA tweets and HateXplain posts) and the testkit's
 * real-post sample from the shared data folders, deterministically.
 */
package org.tocsin.testkit.corpus;
