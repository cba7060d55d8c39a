/** Training and evaluation of Tocsin's classifiers, and the artifacts and model cards that ship. */
package org.tocsin.models;
