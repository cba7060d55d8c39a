/**
 * The harm grammar: recognises threats, calls to violence, expulsion or extermination, dehumanising
 * comparisons and derogation aimed at protected groups, per language, over tokens whose obfuscated
 * spelling has been undone ({@link org.tocsin.nlp.harm.Deobfuscator}), and the blockers that make
 * such words harmless (negation, quotation and reported speech, counter-speech, news, genuine
 * questions). {@link org.tocsin.nlp.harm.HarmStage} lifts a scorer's {@code Score} when a
 * construction fires and caps it when a blocker applies, always saying why.
 *
 * <p>Word classes live in versioned resources {@code harm-<lang>-v1.tsv} next to these classes;
 * group names, slurs and dehumanising terms are read from the baseline lexicons.
 */
package org.tocsin.nlp.harm;
