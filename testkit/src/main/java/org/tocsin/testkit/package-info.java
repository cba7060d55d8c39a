/**
 * Shared test fixtures: a small sample of real posts ({@link org.tocsin.testkit.RealPosts}) and
 * hostile-but-valid posts ({@link org.tocsin.testkit.HostilePosts}) for API and UI tests.
 */
package org.tocsin.testkit;
