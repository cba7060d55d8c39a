/** Posts as captured from a platform: the Post JSON contract of DESIGN.md. */
package org.tocsin.core.post;
