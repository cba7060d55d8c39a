/** Domain records, JSON codecs and the small service interfaces that every Tocsin module shares. */
package org.tocsin.core;
