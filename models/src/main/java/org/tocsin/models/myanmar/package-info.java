/** Reader of the Burmese myHateSpeech corpus (Language Understanding Lab, Myanmar; version 1.0). */
package org.tocsin.models.myanmar;
