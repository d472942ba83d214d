package resetkit.reset;

/** Why a secret was refused. Internal only: every caller sees one "invalid or expired" answer. */
public enum RejectionReason {
    UNKNOWN, EXPIRED, USED, REVOKED, LOCKED, WRONG_CODE, MISSING
}
