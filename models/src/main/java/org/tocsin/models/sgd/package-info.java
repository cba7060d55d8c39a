/** Optimisers shared by the models' hand-fitted sparse layers. */
package org.tocsin.models.sgd;
