package resetkit.account;

import resetkit.support.Refusal;

public class AlreadyExistsException extends Refusal {
    public AlreadyExistsException(String message) {
        super(message);
    }
}
