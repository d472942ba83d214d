package resetkit.api.errors;

/** Thrown by controllers and adapters to answer with an error in the caller's dialect. */
public class ApiException extends RuntimeException {
    private final ApiError error;

    public ApiException(ApiError error) {
        super(error.detail(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
