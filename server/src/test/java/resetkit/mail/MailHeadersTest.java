package resetkit.mail;

import jakarta.mail.internet.MailDateFormat;
import org.junit.jupiter.api.Test;

import java.text.ParseException;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MailHeadersTest {

    @Test
    void datesAreWrittenTheWayRfc5322AndJavaMailReadThem() throws ParseException {
        Instant at = Instant.parse("2026-11-03T07:08:09Z");
        String header = MailHeaders.DATE.format(at);
        assertEquals("Tue, 3 Nov 2026 07:08:09 +0000", header);
        assertEquals(at, new MailDateFormat().parse(header).toInstant());
    }

    @Test
    void messageIdsAreTheRowIdAtTheSendersDomain() {
        assertEquals("<0193-ab@acme.example>", MailHeaders.messageId("0193-ab", "no-reply@acme.example"));
        assertEquals("<x@acme.example>", MailHeaders.messageId("x", "Acme Support <support@acme.example>"));
        assertEquals("<x@resetkit.invalid>", MailHeaders.messageId("x", "nobody"));
    }
}
