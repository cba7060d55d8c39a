package org.tocsin.campaigns.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlNormalizerTest {

  @Test
  void lowerCasesSchemeAndHostButNotPath() {
    assertThat(UrlNormalizer.normalize("HTTPS://Example.COM/Path/A"))
        .isEqualTo("https://example.com/Path/A");
  }

  @Test
  void stripsTrackingParametersAndKeepsTheRestInOrder() {
    assertThat(
            UrlNormalizer.normalize(
                "https://news.example/story?id=7&utm_source=tw&UTM_Medium=x&fbclid=abc&page=2"))
        .isEqualTo("https://news.example/story?id=7&page=2");
    assertThat(UrlNormalizer.normalize("https://news.example/story?utm_campaign=c&gclid=1"))
        .isEqualTo("https://news.example/story");
  }

  @Test
  void dropsTrailingSlashFragmentAndDefaultPort() {
    assertThat(UrlNormalizer.normalize("http://example.com:80/a/b/#comments"))
        .isEqualTo("http://example.com/a/b");
    assertThat(UrlNormalizer.normalize("https://example.com:443/"))
        .isEqualTo("https://example.com");
    assertThat(UrlNormalizer.normalize("https://example.com:8443/x"))
        .isEqualTo("https://example.com:8443/x");
  }

  @Test
  void sameLinkWithDifferentDecorationsIsOneObject() {
    String a = UrlNormalizer.normalize("https://Site.example/a/1/?utm_source=h_1&utm_campaign=9");
    String b = UrlNormalizer.normalize("https://site.example/a/1?utm_source=h_2#top");
    assertThat(a).isEqualTo(b);
  }

  @Test
  void keepsShortLinksAndNonUrlsAsWritten() {
    assertThat(UrlNormalizer.normalize("https://t.co/AbC123/")).isEqualTo("https://t.co/AbC123/");
    assertThat(UrlNormalizer.normalize("  not a url ")).isEqualTo("not a url");
    assertThat(UrlNormalizer.normalize("mailto:x@example.com")).isEqualTo("mailto:x@example.com");
    assertThat(UrlNormalizer.normalize("https://exa mple.com/")).isEqualTo("https://exa mple.com/");
  }
}
