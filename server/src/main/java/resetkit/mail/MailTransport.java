package resetkit.mail;

/** Hands mails to the outside world; a send throws when the mail was not accepted. */
public interface MailTransport {
    void send(OutgoingMail mail) throws Exception;

    /**
     * A batch of sends that may share one connection (the worker delivers a claimed batch through
     * one). The default sends each mail on its own.
     */
    default Batch openBatch() {
        return this::send;
    }

    interface Batch extends AutoCloseable {
        void send(OutgoingMail mail) throws Exception;

        @Override
        default void close() {
        }
    }
}
