package resetkit.mail;

public record OutgoingMail(String id, String from, String to, MailContent content) {
}
