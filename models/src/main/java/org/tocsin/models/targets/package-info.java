/** Training of the multi-label target-group classifier from HateXplain's target annotations. */
package org.tocsin.models.targets;
