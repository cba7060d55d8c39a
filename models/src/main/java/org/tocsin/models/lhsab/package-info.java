/** Reader of L-HSAB (Levantine Arabic tweets, hate and abusive language) with its seeded split. */
package org.tocsin.models.lhsab;
