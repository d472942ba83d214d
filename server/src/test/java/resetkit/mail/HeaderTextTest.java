package resetkit.mail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeaderTextTest {
    @Test
    void controlCharactersAndLineSeparatorsBecomeOneSpace() {
        assertEquals("Acme Bcc: x@evil.test", HeaderText.clean("Acme\r\nBcc: x@evil.test", 100));
        assertEquals("a b c d", HeaderText.clean("a\u2028b\u2029c\u0085\u0000\td", 100));
        assertEquals("a b", HeaderText.clean("a \u007f  \n b", 100));
    }

    @Test
    void endsAreTrimmedAndOtherTextIsKept() {
        assertEquals("Reset your Ünïcode 🙂 password", HeaderText.clean("  \tReset your Ünïcode 🙂 password \r\n", 100));
        assertEquals("", HeaderText.clean(" \r\n ", 100));
        assertEquals("", HeaderText.clean(null, 100));
    }

    @Test
    void cutAtTheLimitWithoutATrailingSpace() {
        assertEquals("abcde", HeaderText.clean("abcdefgh", 5));
        assertEquals("abc", HeaderText.clean("abc  defgh", 4));
        assertEquals("abc d", HeaderText.clean("abc\n\ndefgh", 5));
        assertEquals("ab", HeaderText.clean("ab🙂", 3));
    }
}
