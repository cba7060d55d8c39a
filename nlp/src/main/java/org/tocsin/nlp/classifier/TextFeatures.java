package org.tocsin.nlp.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.tocsin.nlp.text.Token;
import org.tocsin.nlp.text.WordTokenizer;

/**
 * A text tokenised once ({@link WordTokenizer}) for every classifier that reads it: {@link
 * HateClassifier#predict(TextFeatures)}, {@link HateClassifier#explain(TextFeatures, int)} and
 * {@link TargetClassifier#targets(TextFeatures)} give what their {@code String} forms give, and the
 * TF-IDF vector is computed once for all classifiers whose vectorizers give the same vectors
 * ({@link TfidfVectorizer#sameFeatures}).
 *
 * <p>Not thread-safe: meant for one post in one thread.
 */
public final class TextFeatures {
  private final String text;
  private final List<Token> tokens;
  private final List<String> words;
  private TfidfVectorizer vectorizer; // of the memoised vector
  private SparseVector vector;
  private HateClassifier predictedBy; // of the memoised prediction
  private Prediction prediction;

  private TextFeatures(String text) {
    this.text = text;
    this.tokens = WordTokenizer.tokenize(text).tokens();
    List<String> w = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      w.add(t.text());
    }
    this.words = Collections.unmodifiableList(w);
  }

  /** Tokenises a text. */
  public static TextFeatures of(String text) {
    return new TextFeatures(Objects.requireNonNull(text, "text"));
  }

  /** The text. */
  public String text() {
    return text;
  }

  /** The normalised words, as {@link TfidfVectorizer#tokens} gives them. */
  public List<String> words() {
    return words;
  }

  /** The words with their places in the text. */
  List<Token> tokens() {
    return tokens;
  }

  /** The TF-IDF vector under {@code v}, computed once for all equivalent vectorizers. */
  SparseVector vector(TfidfVectorizer v) {
    if (vector == null || !v.sameFeatures(vectorizer)) {
      vector = v.vectorize(words);
      vectorizer = v;
    }
    return vector;
  }

  /** The prediction {@code c} made on this text, if it made one. */
  Prediction predictionBy(HateClassifier c) {
    return predictedBy == c ? prediction : null;
  }

  /** Remembers {@code c}'s prediction, so that an explanation does not classify the text again. */
  void rememberPrediction(HateClassifier c, Prediction p) {
    predictedBy = c;
    prediction = p;
  }
}
