/** Reader of the Amharic hate speech corpus of UHH (RANLP 2023 train / dev / test). */
package org.tocsin.models.amharic;
