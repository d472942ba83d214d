package resetkit.mail;

import io.micronaut.email.Email;
import io.micronaut.email.MultipartBody;

final class Emails {
    private Emails() {
    }

    static Email.Builder of(OutgoingMail mail) {
        return Email.builder()
                .from(mail.from())
                .to(mail.to())
                .subject(mail.content().subject())
                .body(new MultipartBody(mail.content().html(), mail.content().text()));
    }
}
