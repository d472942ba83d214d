package resetkit.mail;

/** Hands one mail to the outside world; throws when it was not accepted. */
public interface MailTransport {
    void send(OutgoingMail mail) throws Exception;
}
