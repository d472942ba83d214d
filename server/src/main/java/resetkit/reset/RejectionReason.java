package resetkit.reset;

/**
 * Why a secret was refused. Internal only: every caller sees one "invalid or expired" answer.
 * UNCONFIRMED: a flow handle was presented before the flow's code was confirmed.
 */
public enum RejectionReason {
    UNKNOWN, EXPIRED, USED, REVOKED, LOCKED, WRONG_CODE, MISSING, UNCONFIRMED
}
