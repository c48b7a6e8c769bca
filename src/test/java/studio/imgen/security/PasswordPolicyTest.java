package studio.imgen.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsAnEightCharacterPasswordWithoutCompositionRules() {
        assertThat(PasswordPolicy.problem("abcdefgq", "ana")).isEmpty();
        assertThat(PasswordPolicy.problem("correct horse battery staple", "ana")).isEmpty();
    }

    @Test
    void refusesShortEmptyCommonAndUsernamePasswords() {
        assertThat(PasswordPolicy.problem("", "ana")).contains("Enter a password.");
        assertThat(PasswordPolicy.problem("abc1234", "ana")).contains("Use at least 8 characters.");
        assertThat(PasswordPolicy.problem("Password123", "ana")).get().asString().contains("too common");
        assertThat(PasswordPolicy.problem("Ana.Smith.1", "ana.smith.1")).get().asString().contains("username");
    }

    @Test
    void countsBcryptsLimitInBytesNotCharacters() {
        String seventyTwoAscii = "a".repeat(72);
        String seventyThreeBytes = "é".repeat(36) + "a"; // 36 two-byte characters + 1 = 73 bytes, 37 characters
        assertThat(PasswordPolicy.problem(seventyTwoAscii, "ana")).isEmpty();
        assertThat(PasswordPolicy.problem(seventyThreeBytes, "ana")).get().asString().contains("at most 72 bytes");
    }

    @Test
    void countsCharactersNotUtf16UnitsForTheMinimum() {
        String sevenEmoji = "😀".repeat(7); // 14 UTF-16 units, 7 characters
        assertThat(PasswordPolicy.problem(sevenEmoji, "ana")).contains("Use at least 8 characters.");
    }
}
