package resetkit.reset;

public enum FlowStatus {
    OPEN, USED, REVOKED, LOCKED
}
