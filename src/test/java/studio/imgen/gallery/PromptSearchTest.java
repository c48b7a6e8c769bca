package studio.imgen.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptSearchTest {

    @Test
    void wordsBecomePrefixTermsThatAllMustMatch() {
        assertThat(PromptSearch.toTsQuery("Red  fox")).contains("red:* & fox:*");
        assertThat(PromptSearch.toTsQuery("Café über 1024x1024")).contains("café:* & über:* & 1024x1024:*");
    }

    @Test
    void operatorsAndQuotesNeverReachTheQuery() {
        assertThat(PromptSearch.toTsQuery("a:* | !b & (c) 'd' \"e\" <-> f\\")).contains("a:* & b:* & c:* & d:* & e:* & f:*");
        assertThat(PromptSearch.toTsQuery("!!! ()")).isEmpty();
        assertThat(PromptSearch.toTsQuery("   ")).isEmpty();
        assertThat(PromptSearch.toTsQuery(null)).isEmpty();
    }

    @Test
    void wordCountAndLengthAreBoundedAndRepeatsDropped() {
        assertThat(PromptSearch.toTsQuery("a b c d e f g h i j")).contains("a:* & b:* & c:* & d:* & e:* & f:* & g:* & h:*");
        assertThat(PromptSearch.toTsQuery("x".repeat(100)).orElseThrow()).isEqualTo("x".repeat(64) + ":*");
        assertThat(PromptSearch.toTsQuery("fox FOX Fox")).contains("fox:*");
    }
}
