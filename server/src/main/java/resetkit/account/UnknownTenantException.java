package resetkit.account;

import resetkit.support.Refusal;

public class UnknownTenantException extends Refusal {
    public UnknownTenantException(String tenantId) {
        super("No tenant '" + tenantId + "'.");
    }
}
