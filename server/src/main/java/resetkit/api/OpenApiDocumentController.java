package resetkit.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;

/** Serves the contract this server was generated from, byte for byte. */
@Controller
public class OpenApiDocumentController {
    static final String RESOURCE = "openapi/resetkit.yaml";
    private final byte[] document;

    OpenApiDocumentController() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the api-spec jar is missing from the classpath");
            }
            this.document = in.readAllBytes();
        }
    }

    @Get(value = "/openapi.yaml", produces = "application/yaml")
    public HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(MediaType.of("application/yaml"));
    }
}
