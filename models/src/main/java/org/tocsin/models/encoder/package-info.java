/**
 * Training and measurement of the English encoder heads ({@code encoder-heads-en}): the data kept
 * apart by template and split ({@link org.tocsin.models.encoder.EncoderData}), the plain-Java head
 * trainer, the development harness and artifact writer ({@link
 * org.tocsin.models.encoder.TrainEncoderHeads}) and the final measurement ({@link
 * org.tocsin.models.encoder.MeasureEncoderStage}).
 */
package org.tocsin.models.encoder;
