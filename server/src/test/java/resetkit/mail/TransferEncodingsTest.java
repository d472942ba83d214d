package resetkit.mail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TransferEncodingsTest {

    @Test
    void shortAsciiLinesGoAsTheyAre() {
        assertEquals("7bit", TransferEncodings.encodingOf("Reset your password:\nhttps://example.test/r/abc\n"));
        assertEquals("7bit", TransferEncodings.encodingOf("line\r\nline\r\n"));
    }

    @Test
    void anythingElseIsQuotedPrintable() {
        assertEquals("quoted-printable", TransferEncodings.encodingOf("Passwort zurücksetzen"));
        assertEquals("quoted-printable", TransferEncodings.encodingOf("x".repeat(999)));
        assertEquals("quoted-printable", TransferEncodings.encodingOf("bare\rreturn"));
        assertEquals("7bit", TransferEncodings.encodingOf("x".repeat(998) + "\n" + "y".repeat(998)));
    }
}
