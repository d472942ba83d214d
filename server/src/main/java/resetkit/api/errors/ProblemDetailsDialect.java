package resetkit.api.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import resetkit.api.generated.model.FieldError;
import resetkit.api.generated.model.Problem;

/** RFC 9457 problem details: the native and admin API's error shape, and the fallback for all others. */
@Singleton
public class ProblemDetailsDialect implements ErrorDialect {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Override
    public boolean handles(HttpRequest<?> request) {
        return true;
    }

    @Override
    public MutableHttpResponse<?> render(HttpRequest<?> request, ApiError error) {
        Problem problem = new Problem("urn:resetkit:problem:" + error.kind(), error.title(), error.status().getCode());
        problem.setDetail(error.detail());
        if (request != null) {
            problem.setInstance(request.getPath());
        }
        error.fields().forEach(f -> problem.addErrorsItem(new FieldError(f.field(), f.message())));
        return HttpResponse.status(error.status()).contentType(PROBLEM_JSON).body(problem);
    }
}
