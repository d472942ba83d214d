package resetkit.api.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import resetkit.support.DatabaseOutage;

import java.util.ArrayList;
import java.util.List;

/**
 * Micronaut's own errors (unknown route, wrong method or content type, unreadable or invalid
 * body, unexpected exceptions) arrive here and leave in the dialect of the route. Server-side
 * failures never show their message or stack trace; unreadable bodies are not echoed back.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class DialectErrorResponseProcessor implements ErrorResponseProcessor<Object> {
    private final ErrorRenderer renderer;

    DialectErrorResponseProcessor(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        ApiError error = describe(status, context);
        MutableHttpResponse<?> rendered = renderer.render(context.getRequest(), error);
        if (error.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            rendered.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5");
        }
        base.getHeaders().forEach((name, values) -> {
            if (!rendered.getHeaders().contains(name)) {
                values.forEach(v -> rendered.header(name, v));
            }
        });
        return (MutableHttpResponse<Object>) rendered;
    }

    static ApiError describe(HttpStatus status, ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        return switch (status) {
            case NOT_FOUND -> ApiError.of(status, ApiError.NOT_FOUND, "Not found", "No such resource.");
            case METHOD_NOT_ALLOWED -> ApiError.of(status, ApiError.METHOD_NOT_ALLOWED, "Method not allowed",
                    "This resource does not accept that HTTP method.");
            case UNSUPPORTED_MEDIA_TYPE -> ApiError.of(status, ApiError.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "This operation does not accept the request's content type.");
            case REQUEST_ENTITY_TOO_LARGE -> ApiError.of(status, ApiError.TOO_LARGE, "Payload too large",
                    "The request body is larger than this service accepts.");
            case UNAUTHORIZED, FORBIDDEN -> ApiError.of(status, ApiError.UNAUTHORIZED, "Unauthorized", "A valid bearer key is required.");
            case BAD_REQUEST -> badRequest(cause, context);
            case SERVICE_UNAVAILABLE -> unavailable();
            default -> status.getCode() >= 500 && isUnreadableBody(cause)
                    ? badRequest(cause, context)
                    : status.getCode() >= 500 && DatabaseOutage.isCause(cause)
                    ? unavailable()
                    : status.getCode() >= 500
                    ? ApiError.of(status, ApiError.INTERNAL, "Internal error", "The service could not complete the request.")
                    : ApiError.of(status, ApiError.MALFORMED, status.getReason(), "The request could not be processed.");
        };
    }

    static ApiError unavailable() {
        return ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, ApiError.SERVICE_UNAVAILABLE, "Service unavailable",
                "The service cannot reach its database right now; try again shortly.");
    }

    private static ApiError badRequest(Throwable cause, ErrorContext context) {
        if (cause instanceof ConstraintViolationException violations) {
            List<ApiError.FieldProblem> fields = new ArrayList<>();
            violations.getConstraintViolations().forEach(v ->
                    fields.add(new ApiError.FieldProblem(jsonName(v), v.getMessage())));
            fields.sort((a, b) -> a.field().compareTo(b.field()));
            String detail = fields.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse("Invalid request.");
            return new ApiError(HttpStatus.BAD_REQUEST, ApiError.VALIDATION, "Invalid request", detail, fields);
        }
        if (cause instanceof ConversionErrorException conversion) {
            String field = conversion.getArgument().getName();
            return new ApiError(HttpStatus.BAD_REQUEST, ApiError.VALIDATION, "Invalid request",
                    field + " has the wrong type or format", List.of(new ApiError.FieldProblem(field, "has the wrong type or format")));
        }
        if (isUnreadableBody(cause)) {
            return ApiError.of(HttpStatus.BAD_REQUEST, ApiError.MALFORMED, "Malformed request body",
                    "The request body is not valid JSON for this operation.");
        }
        String detail = context.getErrors().stream().findFirst()
                .map(e -> e.getMessage()).filter(m -> m.length() < 300 && !m.contains("Source:")).orElse("The request is malformed.");
        return ApiError.of(HttpStatus.BAD_REQUEST, ApiError.MALFORMED, "Malformed request", detail);
    }

    private static boolean isUnreadableBody(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("com.fasterxml.jackson") || name.contains("CodecException")
                    || t instanceof io.micronaut.core.reflect.exception.InstantiationException || thrownWhileDeserializing(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A top-level scalar where an object is expected ({@code 1e5} as the body) reaches Micronaut's
     * bean-introspection instantiator, which fails with a plain ClassCastException or
     * IllegalArgumentException: still an unreadable body, recognised by where it was thrown.
     */
    private static boolean thrownWhileDeserializing(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("com.fasterxml.jackson.databind.deser.")) {
                return true;
            }
        }
        return false;
    }

    /** The field as the client wrote it: the generated model's JSON property name. */
    private static String jsonName(jakarta.validation.ConstraintViolation<?> violation) {
        String node = lastNode(violation.getPropertyPath().toString());
        Object bean = violation.getLeafBean();
        if (bean != null) {
            for (Class<?> type = bean.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                try {
                    com.fasterxml.jackson.annotation.JsonProperty property =
                            type.getDeclaredField(node).getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                    if (property != null && !property.value().isEmpty()) {
                        return property.value();
                    }
                } catch (NoSuchFieldException ignored) {
                    // not declared here: look at the superclass
                }
            }
        }
        return node;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        String node = dot >= 0 ? path.substring(dot + 1) : path;
        return node.replaceAll("\\[.*]", "");
    }
}
