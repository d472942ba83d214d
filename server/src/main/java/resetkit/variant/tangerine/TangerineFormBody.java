package resetkit.variant.tangerine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import jakarta.inject.Singleton;
import resetkit.api.generated.model.TangerineLostPasswordRequest;
import resetkit.variant.bodies.FormBodyReader;

/** {@code username=...} as a form, bound like its JSON form. */
@Singleton
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
class TangerineFormBody extends FormBodyReader<TangerineLostPasswordRequest> {
    TangerineFormBody(ObjectMapper mapper) {
        super(TangerineLostPasswordRequest.class, mapper, false);
    }
}
