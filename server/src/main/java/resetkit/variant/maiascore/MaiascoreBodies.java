package resetkit.variant.maiascore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import jakarta.inject.Singleton;
import resetkit.api.generated.model.MaiascoreForgotPasswordRequest;
import resetkit.api.generated.model.MaiascoreResetPasswordRequest;
import resetkit.variant.bodies.FormBodyReader;
import resetkit.variant.bodies.XmlBodyReader;

/**
 * Form and XML readers for Maiascore's models. Maiascore's own curl sample posts
 * {@code {"id":"string"}} as {@code application/x-www-form-urlencoded}, so its form readers
 * take a body that starts with "{" as the JSON it is.
 */
final class MaiascoreBodies {
    private MaiascoreBodies() {
    }

    @Singleton
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    static class ForgotPasswordForm extends FormBodyReader<MaiascoreForgotPasswordRequest> {
        ForgotPasswordForm(ObjectMapper mapper) {
            super(MaiascoreForgotPasswordRequest.class, mapper, true);
        }
    }

    @Singleton
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    static class ResetPasswordForm extends FormBodyReader<MaiascoreResetPasswordRequest> {
        ResetPasswordForm(ObjectMapper mapper) {
            super(MaiascoreResetPasswordRequest.class, mapper, true);
        }
    }

    @Singleton
    @Consumes(MediaType.APPLICATION_XML)
    static class ForgotPasswordXml extends XmlBodyReader<MaiascoreForgotPasswordRequest> {
        ForgotPasswordXml() {
            super(MaiascoreForgotPasswordRequest.class);
        }
    }

    @Singleton
    @Consumes(MediaType.APPLICATION_XML)
    static class ResetPasswordXml extends XmlBodyReader<MaiascoreResetPasswordRequest> {
        ResetPasswordXml() {
            super(MaiascoreResetPasswordRequest.class);
        }
    }
}
