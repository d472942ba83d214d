package resetkit.mail;

public enum OutboxStatus {
    /** waiting for (another) delivery attempt */
    PENDING,
    /** accepted by the SMTP server */
    SENT,
    /** failed too often; kept for an operator, never dropped */
    PARKED
}
