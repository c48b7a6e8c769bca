package studio.imgen.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import studio.imgen.base.UserInputException;

class ApiKeyPolicyTest {

    @Test
    void scenario22ANineteenCharacterKeyIsRejected() {
        String nineteen = "sk-" + "a".repeat(16);

        assertThatThrownBy(() -> ApiKeyPolicy.normalise(nineteen))
                .isInstanceOf(UserInputException.class)
                .hasMessage("The API key must be 20 to 200 characters long.");
    }

    @Test
    void scenario22AKeyWithSurroundingSpacesIsStoredTrimmed() {
        String forty = "sk-" + "b".repeat(37);

        assertThat(ApiKeyPolicy.normalise("  " + forty + " \n")).isEqualTo(forty);
    }

    @Test
    void twentyAndTwoHundredCharactersAreTheLimits() {
        assertThat(ApiKeyPolicy.normalise("k".repeat(20))).hasSize(20);
        assertThat(ApiKeyPolicy.normalise("k".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> ApiKeyPolicy.normalise("k".repeat(201)))
                .isInstanceOf(UserInputException.class)
                .hasMessage("The API key must be 20 to 200 characters long.");
        assertThatThrownBy(() -> ApiKeyPolicy.normalise("  " + "k".repeat(19) + "  "))
                .isInstanceOf(UserInputException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aMissingKeyIsAskedFor(String raw) {
        assertThatThrownBy(() -> ApiKeyPolicy.normalise(raw))
                .isInstanceOf(UserInputException.class).hasMessage("Enter an API key.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-aaaaaaaaaa bbbbbbbbbbbb", "sk-aaaaaaaaaa\nbbbbbbbbbbbb", "sk-aaaaaaaaaa\u00a0bbbbbbbbbbbb",
            "sk-aaaaaaaaaa\u0000bbbbbbbbbbbb", "sk-aaaaaaaaaa\rbbbbbbbbbbbb"})
    void spacesAndControlCharactersInsideAreRefusedWithoutEchoingTheKey(String raw) {
        assertThatThrownBy(() -> ApiKeyPolicy.normalise(raw))
                .isInstanceOf(UserInputException.class)
                .hasMessage("The API key must not contain spaces or line breaks.");
    }
}
