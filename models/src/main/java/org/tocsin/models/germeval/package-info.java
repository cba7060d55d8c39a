/** Reader of GermEval 2018 (German tweets, offensive language) for the German classifier. */
package org.tocsin.models.germeval;
